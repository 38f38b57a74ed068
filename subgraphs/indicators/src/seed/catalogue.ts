import { Aggregation as A, Direction as D, IndicatorKind as K } from '../entities/enums';

const REG = (field: string) => `registry: IndicatorStatus.registryFigures.${field}`;
const PROG = (field: string) => `programs: IndicatorStatus.programmeFigures.${field}`;
const ASSESSED = 'indicators: mean rating of the assessments (recordAssessment)';

/** [code, French name, English name, description, kind, unit, aggregation, actual source (null = not live yet)] */
export const INDICATORS: Array<[string, string, string, string, K, string, A, string | null]> = [
  ['AE_APPLICATIONS', "Demandes d'inscription", 'Applications to the register', 'Applications filed over the period.', K.QUANTITATIVE, 'applications', A.COUNT, REG('applications')],
  ['AE_REGISTRATIONS', 'Inscriptions au RNAE', 'Registrations in the national register', 'Registrations made over the period (struck off later included).', K.QUANTITATIVE, 'registrations', A.COUNT, REG('registered')],
  ['AE_REGISTERED_TO_DATE', 'Inscrits au RNAE (cumul)', 'Registered to date (cumulative)', 'Registrations since the register opened in September 2015, up to the end of the period.', K.QUANTITATIVE, 'registrations', A.COUNT, REG('registeredToDate')],
  ['AE_ACTIVE', 'Auto-entrepreneurs actifs', 'Active auto-entrepreneurs', 'Registered and not struck off at the end of the period.', K.QUANTITATIVE, 'auto-entrepreneurs', A.COUNT, REG('active')],
  ['REGISTRATION_RATE', "Taux d'inscription", 'Registration rate', 'Registrations divided by applications over the period.', K.QUANTITATIVE, 'share', A.SHARE, REG('registered / applications')],
  ['WOMEN_SHARE', 'Part des femmes', 'Share of women', 'Women among the registrations of the period (31 % in 2019, 9 % at the start).', K.QUANTITATIVE, 'share', A.SHARE, REG('women / registered')],
  ['TURNOVER', "Chiffre d'affaires déclaré", 'Declared turnover', 'Turnover declared over the period (416 M MAD in 2018).', K.QUANTITATIVE, 'MAD', A.SUM, REG('turnover')],
  ['TAX_CONTRIBUTION', 'Contribution fiscale', 'Tax contribution', 'Tax on turnover over the period (7.8 M MAD in 2018).', K.QUANTITATIVE, 'MAD', A.SUM, REG('taxContribution')],
  ['BENEFICIARIES_HONOUR_LOAN', "Bénéficiaires de prêts d'honneur", 'Honour-loan beneficiaries', "Auto-entrepreneurs granted a prêt d'honneur over the period.", K.QUANTITATIVE, 'beneficiaries', A.COUNT, PROG('honourLoanBeneficiaries')],
  ['HONOUR_LOAN_AMOUNT', "Montant des prêts d'honneur", 'Honour-loan amounts', 'Amounts lent as honour loans over the period.', K.QUANTITATIVE, 'MAD', A.SUM, PROG('honourLoanAmount')],
  ['BENEFICIARIES_DIGITAL_INCLUSION', 'Bénéficiaires inclusion numérique', 'Digital-inclusion beneficiaries', 'Auto-entrepreneurs in digital-inclusion programmes.', K.QUANTITATIVE, 'beneficiaries', A.COUNT, PROG('digitalInclusionBeneficiaries')],
  ['BENEFICIARIES_TPME_PROMOTION', 'Entreprises bénéficiaires (promotion TPME)', 'TPME promotion beneficiaries', 'Firms in the TPME promotion programme (rural areas).', K.QUANTITATIVE, 'firms', A.COUNT, PROG('tpmePromotionBeneficiaries')],
  ['BENEFICIARIES_PROJECT_HOLDER_SUPPORT', 'Porteurs de projets soutenus', 'Project holders supported', 'Small project holders given entrepreneurial support.', K.QUANTITATIVE, 'beneficiaries', A.COUNT, PROG('projectHolderBeneficiaries')],
  ['BENEFICIARIES_POST_CREATION_SUPPORT', 'Jeunes entreprises en post-création', 'Post-creation support beneficiaries', 'Young innovative firms given post-creation support.', K.QUANTITATIVE, 'firms', A.COUNT, PROG('postCreationBeneficiaries')],
  ['ADVISORS_TRAINED', 'Conseillers formés', 'Advisors trained', 'Entrepreneurship advisors trained (355 in 20 workshops by February 2018).', K.QUANTITATIVE, 'advisors', A.COUNT, PROG('advisorsTrained')],
  ['AWARENESS_EVENTS', 'Événements de sensibilisation', 'Awareness events held', 'Awareness events held with local partners (about 400 by February 2018).', K.QUANTITATIVE, 'events', A.COUNT, PROG('awarenessEvents')],
  ['WORKSHOPS', 'Ateliers de formation', 'Training workshops held', 'Training workshops for advisors (20 by February 2018).', K.QUANTITATIVE, 'workshops', A.COUNT, PROG('workshops')],
  ['REGIONAL_COUNCILS_ENGAGED', 'Conseils régionaux sensibilisés', 'Regional councils engaged', 'Regional councils sensitised to integrate auto-entrepreneurs in their ecosystem (9 by February 2018).', K.QUANTITATIVE, 'councils', A.COUNT, PROG('councilsEngaged')],
  ['ADVISOR_SUPPORT_QUALITY', "Qualité de l'accompagnement des conseillers", 'Quality of advisor support', 'Assessed quality of the support advisors give, rated 1 (poor) to 5 (excellent).', K.QUALITATIVE, 'rating 1-5', A.RATING, ASSESSED],
  ['PARTNER_ENGAGEMENT', 'Engagement des partenaires', 'Partner engagement', 'Assessed engagement of regional partners, rated 1 to 5.', K.QUALITATIVE, 'rating 1-5', A.RATING, ASSESSED],
];

export const HIGHER: D = D.HIGHER_IS_BETTER;

const COMMITTEE = "Comité national de l'auto-entrepreneur, octobre 2017";
const FM = 'Convention CCIS Fès-Meknès / ANPME (2019)';

/** [indicator, region (null = national), from, to, value, source]: every target of the sources. */
export const TARGETS: Array<[string, string | null, number, number, number, string]> = [
  ['AE_REGISTRATIONS', null, 2018, 2019, 150_000, `${COMMITTEE}: 150,000 registrations over 2018-2019`],
  ['AE_REGISTERED_TO_DATE', null, 2020, 2020, 100_000, 'Initial national objective: 100,000 registered in the RNAE by 2020'],
  ['AE_REGISTRATIONS', 'MA-03', 2019, 2019, 500, `${FM}: 500 registrations by end 2019`],
  ['AE_REGISTRATIONS', 'MA-03', 2019, 2020, 1_500, `${FM}: 1,500 registrations by 2020`],
  ['BENEFICIARIES_TPME_PROMOTION', 'MA-03', 2019, 2019, 20, `${FM}: about 20 rural firms in 2019`],
  ['BENEFICIARIES_TPME_PROMOTION', 'MA-03', 2020, 2020, 60, `${FM}: 60 rural firms in 2020`],
  ['BENEFICIARIES_PROJECT_HOLDER_SUPPORT', 'MA-03', 2019, 2019, 200, `${FM}: 200 project holders in 2019`],
  ['BENEFICIARIES_PROJECT_HOLDER_SUPPORT', 'MA-03', 2020, 2020, 600, `${FM}: 600 project holders in 2020`],
  ['BENEFICIARIES_POST_CREATION_SUPPORT', 'MA-03', 2019, 2019, 20, `${FM}: 20 young innovative firms in 2019`],
  ['BENEFICIARIES_POST_CREATION_SUPPORT', 'MA-03', 2020, 2020, 40, `${FM}: 40 young innovative firms in 2020`],
  ['BENEFICIARIES_HONOUR_LOAN', null, 2018, 2019, 100, 'Convention Initiative Maroc / Maroc PME (2018): honour loans for 100 auto-entrepreneurs'],
];

/** Illustrative assessments of the pilot regions (demo data: the sources give no ratings). */
export const ASSESSMENTS: Array<[string, string, number, number, string, string, string, Date]> = [
  ['ADVISOR_SUPPORT_QUALITY', 'MA-02', 2018, 3, 'Advisors trained, follow-up still irregular in Figuig and Jerada.', 'demo-council-02', 'REGIONAL', new Date('2018-12-15T10:00:00Z')],
  ['ADVISOR_SUPPORT_QUALITY', 'MA-09', 2018, 4, 'Regular follow-up of honour-loan beneficiaries in Agadir and Inezgane.', 'demo-council-09', 'REGIONAL', new Date('2018-12-15T10:00:00Z')],
  ['ADVISOR_SUPPORT_QUALITY', 'MA-08', 2018, 2, 'Too few advisors for the distances of the region.', 'demo-council-08', 'REGIONAL', new Date('2018-12-15T10:00:00Z')],
  ['ADVISOR_SUPPORT_QUALITY', 'MA-04', 2018, 4, 'Good coverage in Rabat-Salé, weaker in Sidi Kacem.', 'demo-council-04', 'REGIONAL', new Date('2018-12-15T10:00:00Z')],
  ['PARTNER_ENGAGEMENT', 'MA-03', 2019, 5, 'CCIS Fès-Meknès convention signed with quantified commitments.', 'demo-national', 'NATIONAL', new Date('2019-12-20T10:00:00Z')],
  ['PARTNER_ENGAGEMENT', 'MA-09', 2019, 4, 'Initiative Souss-Massa active on honour loans.', 'demo-national', 'NATIONAL', new Date('2019-12-20T10:00:00Z')],
];
