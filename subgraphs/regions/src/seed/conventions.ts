import { ConventionKind as K, ConventionStatus as S } from '../entities/Convention';

interface ConventionSeed {
  code: string;
  title: string;
  kind: K;
  status: S;
  signedYear: number | null;
  region: string | null;
  summary: string;
  source: string;
  parties: string[];
  commitments: Array<[key: string, label: string, measure: string, target: number, unit: string, fromYear: number, dueYear: number]>;
}

const FM = 'CONV-CCIS-FM-ANPME-2019';
const PRESS_FM = 'Press, 2019: "La CCIS de Fès-Meknès et l\'ANPME signent une convention de partenariat"';
const PRESS_PILOTS = 'Press, 2018: Maroc PME launches its regional approach (call for an expert)';

/** The agreements of the sources, with the Fès-Meknès commitments to the unit. */
export const CONVENTIONS: ConventionSeed[] = [
  {
    code: FM,
    title: 'Convention de partenariat CCIS Fès-Meknès / ANPME',
    kind: K.PARTNERSHIP,
    status: S.SIGNED,
    signedYear: 2019,
    region: 'MA-03',
    summary:
      'Promote and develop small production units in Fès-Meknès: auto-entrepreneur registrations, TPME promotion in rural areas, support to small project holders, post-creation support to young innovative firms.',
    source: PRESS_FM,
    parties: ['CCIS-03', 'MAROC-PME'],
    commitments: [
      ['AE-2019', 'Auto-entrepreneur registrations by end 2019', 'AE_REGISTRATIONS', 500, 'registrations', 2019, 2019],
      ['AE-2020', 'Auto-entrepreneur registrations by 2020', 'AE_REGISTRATIONS', 1500, 'registrations', 2019, 2020],
      ['TPME-2019', 'Rural firms in the TPME promotion programme, 2019', 'BENEFICIARIES_TPME_PROMOTION', 20, 'firms', 2019, 2019],
      ['TPME-2020', 'Rural firms in the TPME promotion programme, 2020', 'BENEFICIARIES_TPME_PROMOTION', 60, 'firms', 2020, 2020],
      ['PH-2019', 'Small project holders supported, 2019', 'BENEFICIARIES_PROJECT_HOLDER_SUPPORT', 200, 'beneficiaries', 2019, 2019],
      ['PH-2020', 'Small project holders supported, 2020', 'BENEFICIARIES_PROJECT_HOLDER_SUPPORT', 600, 'beneficiaries', 2020, 2020],
      ['PC-2019', 'Young innovative firms in post-creation support, 2019', 'BENEFICIARIES_POST_CREATION_SUPPORT', 20, 'firms', 2019, 2019],
      ['PC-2020', 'Young innovative firms in post-creation support, 2020', 'BENEFICIARIES_POST_CREATION_SUPPORT', 40, 'firms', 2020, 2020],
    ],
  },
  {
    code: 'ACC-CCIS-FM-TAOUJDAT-2019',
    title: 'Accord-cadre de coopération CCIS Fès-Meknès / Conseil communal de Taoujdat',
    kind: K.COOPERATION_FRAMEWORK,
    status: S.SIGNED,
    signedYear: 2019,
    region: 'MA-03',
    summary: 'Strengthen and deepen economic ties between the chamber and the town of Taoujdat.',
    source: PRESS_FM,
    parties: ['CCIS-03', 'CC-TAOUJDAT'],
    commitments: [],
  },
  {
    code: 'PROJ-CCIS-FM-ANPME-TRADE-2019',
    title: "Projet d'accord de partenariat CCIS Fès-Meknès / ANPME (échanges commerciaux)",
    kind: K.PARTNERSHIP,
    status: S.PLANNED,
    signedYear: null,
    region: 'MA-03',
    summary: 'Promote trade and boost the competitiveness of Fès-Meknès firms.',
    source: PRESS_FM,
    parties: ['CCIS-03', 'MAROC-PME'],
    commitments: [],
  },
  ...(['MA-02', 'MA-09', 'MA-08', 'MA-04'] as const).map((region): ConventionSeed => ({
    code: `PART-CR-${region.slice(3)}-MAROCPME`,
    title: `Partenariat régional auto-entrepreneur, Conseil régional / Maroc PME (${region})`,
    kind: K.PARTNERSHIP,
    status: S.PLANNED,
    signedYear: null,
    region,
    summary:
      'Pilot-region partnership to deploy support for auto-entrepreneurs (honour loans, digital inclusion, advisors) and integrate them into the regional industrial ecosystems.',
    source: PRESS_PILOTS,
    parties: [`CR-${region.slice(3)}`, 'MAROC-PME'],
    commitments: [],
  })),
  {
    code: 'CONV-INITIATIVE-MAROCPME-2018',
    title: 'Convention Initiative Maroc / Maroc PME',
    kind: K.FINANCING,
    status: S.SIGNED,
    signedYear: 2018,
    region: null,
    summary: "10 M MAD programme including honour loans (prêts d'honneur) for 100 auto-entrepreneurs.",
    source: 'Press, 2018 (goodmorningagadir.com, lavieeco.com, leseco.ma)',
    parties: ['INITIATIVE-MAROC', 'MAROC-PME'],
    commitments: [['HL-100', 'Honour loans granted to auto-entrepreneurs', 'BENEFICIARIES_HONOUR_LOAN', 100, 'beneficiaries', 2018, 2019]],
  },
];
