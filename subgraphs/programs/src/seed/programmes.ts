import { REGION_CODES } from '@moukawil/kit/domain';
import { ProgrammeKind as K, ProgrammeScope } from '../entities/enums';

const PILOTS = ['MA-02', 'MA-04', 'MA-08', 'MA-09'];
const PRESS_2018 = "Press, 2018: Maroc PME's regional approach (honour loans, digital inclusion in the pilot regions)";
const PRESS_FM = 'Press, 2019: convention CCIS Fès-Meknès / ANPME';

export interface ProgrammeSeed {
  code: string;
  name: string;
  description: string;
  kind: K;
  sector: string | null;
  operator: string;
  regions: readonly string[];
  startYear: number;
  endYear: number | null;
  maxAmount: number | null;
  source: string;
  budget?: number;
  eligibility?: string;
  scope?: ProgrammeScope;
  partner?: string;
}

const AE = 'Auto-entrepreneurs registered in the RNAE';

/** The support offers of the sources. */
export const PROGRAMMES: ProgrammeSeed[] = [
  {
    code: 'PILOT-HONOUR-LOAN',
    budget: 10_000_000,
    eligibility: `${AE} of the pilot region, with a project reviewed by an advisor`,
    partner: 'MAROC-PME',
    name: "Prêt d'honneur auto-entrepreneur",
    kind: K.HONOUR_LOAN,
    sector: null,
    description: 'Interest-free honour loans for auto-entrepreneurs of the pilot regions, with follow-up by an advisor.',
    operator: 'Maroc PME',
    regions: PILOTS,
    startYear: 2018,
    endYear: 2021,
    maxAmount: 50_000,
    source: PRESS_2018,
  },
  {
    code: 'PILOT-DIGITAL-INCLUSION',
    eligibility: `${AE} of the pilot region`,
    partner: 'MAROC-PME',
    name: 'Inclusion numérique des auto-entrepreneurs',
    kind: K.DIGITAL_INCLUSION,
    sector: null,
    description: 'Digital tools, online declaration and payment, e-commerce basics for auto-entrepreneurs of the pilot regions.',
    operator: 'Maroc PME',
    regions: PILOTS,
    startYear: 2018,
    endYear: 2021,
    maxAmount: null,
    source: PRESS_2018,
  },
  {
    code: 'FM-TPME-RURAL',
    eligibility: 'Very small firms and auto-entrepreneurs in rural Fès-Meknès',
    scope: ProgrammeScope.RURAL,
    partner: 'CCIS-03',
    name: 'Promotion des TPME en milieu rural (Fès-Meknès)',
    kind: K.TPME_PROMOTION,
    sector: null,
    description: 'TPME promotion programme for rural firms of Fès-Meknès: about 20 firms in 2019, 60 in 2020.',
    operator: 'CCIS Fès-Meknès / ANPME',
    regions: ['MA-03'],
    startYear: 2019,
    endYear: 2020,
    maxAmount: null,
    source: PRESS_FM,
  },
  {
    code: 'FM-PROJECT-HOLDERS',
    eligibility: 'Holders of small projects in Fès-Meknès',
    partner: 'CCIS-03',
    name: 'Soutien entrepreneurial aux porteurs de petits projets (Fès-Meknès)',
    kind: K.PROJECT_HOLDER_SUPPORT,
    sector: null,
    description: 'Support to small project holders of Fès-Meknès: 200 beneficiaries in 2019, 600 in 2020.',
    operator: 'CCIS Fès-Meknès / ANPME',
    regions: ['MA-03'],
    startYear: 2019,
    endYear: 2020,
    maxAmount: null,
    source: PRESS_FM,
  },
  {
    code: 'FM-POST-CREATION',
    eligibility: 'Young innovative firms of Fès-Meknès, less than three years old',
    partner: 'CCIS-03',
    name: 'Soutien post-création des jeunes entreprises innovantes (Fès-Meknès)',
    kind: K.POST_CREATION_SUPPORT,
    sector: null,
    description: 'Post-creation support to young innovative firms of Fès-Meknès (TPME support): 20 in 2019, 40 in 2020.',
    operator: 'CCIS Fès-Meknès / ANPME',
    regions: ['MA-03'],
    startYear: 2019,
    endYear: 2020,
    maxAmount: null,
    source: PRESS_FM,
  },
  {
    code: 'INTELAKA',
    eligibility: 'Young firms, auto-entrepreneurs and project holders (turnover under 10 M MAD)',
    partner: 'GPBM',
    name: 'Intelaka',
    kind: K.FINANCING,
    sector: null,
    description:
      'Bank loans up to 1.2 M MAD at 2 % (urban) / 1.75 % (rural) with a guarantee up to 80 %, and the interest-free Start-TPE advance up to 50,000 MAD.',
    operator: 'Banks with Tamwilcom',
    regions: REGION_CODES,
    startYear: 2020,
    endYear: null,
    maxAmount: 1_200_000,
    source: 'Press, 2020 (maghress, le360)',
  },
  {
    code: 'INITIATIVE-MAROC-HL',
    budget: 10_000_000,
    eligibility: `${AE} with a creation or development project`,
    partner: 'INITIATIVE-MAROC',
    name: "Prêts d'honneur Initiative Maroc",
    kind: K.HONOUR_LOAN,
    sector: null,
    description:
      'Honour loans of the Initiative Maroc platforms; the 2018 convention with Maroc PME (10 M MAD) includes honour loans for 100 auto-entrepreneurs.',
    operator: 'Initiative Maroc',
    regions: ['MA-09', 'MA-04', 'MA-02'],
    startYear: 2018,
    endYear: null,
    maxAmount: 100_000,
    source: 'Press, 2018 (goodmorningagadir.com, lavieeco.com)',
  },
  {
    code: 'RESEAU-ENTREPRENDRE-HL',
    eligibility: 'Entrepreneurs creating jobs, selected by a committee',
    partner: 'RESEAU-ENTREPRENDRE',
    name: "Prêts d'honneur Réseau Entreprendre Maroc",
    kind: K.HONOUR_LOAN,
    sector: null,
    description: 'Interest-free honour loans up to 100,000 MAD plus three years of mentoring.',
    operator: 'Réseau Entreprendre Maroc',
    regions: REGION_CODES,
    startYear: 2018,
    endYear: null,
    maxAmount: 100_000,
    source: 'Press (lavieeco.com, fnh.ma)',
  },
  {
    code: 'INFITAH',
    eligibility: 'Very small firms and auto-entrepreneurs',
    partner: 'MAROC-PME',
    name: 'Infitah',
    kind: K.DIGITAL_INCLUSION,
    sector: null,
    description: 'Digital pack and "digital permit" training for very small firms, through the chambers of commerce.',
    operator: 'Maroc PME with the CCIS',
    regions: REGION_CODES,
    startYear: 2019,
    endYear: null,
    maxAmount: null,
    source: 'Press (libe.ma)',
  },
  {
    code: 'SECTOR-RENEWABLE',
    eligibility: `${AE} in solar installation and maintenance`,
    partner: 'MAROC-PME',
    name: 'Accompagnement métiers des énergies renouvelables',
    kind: K.SECTOR_SUPPORT,
    sector: 'RENEWABLE_ENERGY',
    description: 'Trade-specific support for auto-entrepreneurs installing and maintaining solar equipment.',
    operator: 'Maroc PME',
    regions: ['MA-08', 'MA-02', 'MA-09'],
    startYear: 2019,
    endYear: null,
    maxAmount: null,
    source: PRESS_2018,
  },
  {
    code: 'SECTOR-CIRCULAR',
    eligibility: `${AE} in collection, sorting, repair and reuse`,
    partner: 'MAROC-PME',
    name: "Accompagnement métiers de l'économie circulaire",
    kind: K.SECTOR_SUPPORT,
    sector: 'CIRCULAR_ECONOMY',
    description: 'Trade-specific support for collection, sorting, repair and reuse activities.',
    operator: 'Maroc PME',
    regions: ['MA-02', 'MA-04', 'MA-09'],
    startYear: 2019,
    endYear: null,
    maxAmount: null,
    source: PRESS_2018,
  },
];
