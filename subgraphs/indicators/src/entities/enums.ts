import { registerEnumType } from 'type-graphql';

export enum IndicatorKind {
  QUANTITATIVE = 'QUANTITATIVE',
  QUALITATIVE = 'QUALITATIVE',
}
registerEnumType(IndicatorKind, {
  name: 'IndicatorKind',
  description: 'Quantitative (counted from the data) or qualitative (assessed by people) indicator.',
});

export enum Direction {
  HIGHER_IS_BETTER = 'HIGHER_IS_BETTER',
  LOWER_IS_BETTER = 'LOWER_IS_BETTER',
}
registerEnumType(Direction, { name: 'Direction', description: 'Which way the indicator should move.' });

export enum Aggregation {
  COUNT = 'COUNT',
  SUM = 'SUM',
  SHARE = 'SHARE',
  RATING = 'RATING',
}
registerEnumType(Aggregation, {
  name: 'Aggregation',
  description: 'How the actual value is aggregated over a period and a scope.',
  valuesConfig: {
    COUNT: { description: 'A number of people, events or firms.' },
    SUM: { description: 'A sum of amounts (MAD).' },
    SHARE: { description: 'A ratio between 0 and 1.' },
    RATING: { description: 'A rating on a defined scale (qualitative).' },
  },
});

/** What a status says of an indicator against its target (ScorecardStatus.status, IndicatorStatus.status). */
export enum StatusCode {
  ACHIEVED = 'ACHIEVED',
  ON_TRACK = 'ON_TRACK',
  AT_RISK = 'AT_RISK',
  MISSED = 'MISSED',
  NO_TARGET = 'NO_TARGET',
  NO_DATA = 'NO_DATA',
}

export enum Trend {
  UP = 'UP',
  DOWN = 'DOWN',
  FLAT = 'FLAT',
  UNKNOWN = 'UNKNOWN',
}
registerEnumType(Trend, {
  name: 'Trend',
  description: 'Direction of the actual since the previous snapshot.',
  valuesConfig: {
    UP: { description: 'Higher than at the previous snapshot.' },
    DOWN: { description: 'Lower than at the previous snapshot.' },
    FLAT: { description: 'Unchanged.' },
    UNKNOWN: { description: 'No previous snapshot, or no actual.' },
  },
});

/** Where an indicator's actual comes from: a figure of the registry or of the programs subgraph, or the mean of its assessments. */
export enum IndicatorSource {
  APPLICATIONS = 'APPLICATIONS',
  REGISTRATIONS = 'REGISTRATIONS',
  REGISTERED_TO_DATE = 'REGISTERED_TO_DATE',
  ACTIVE = 'ACTIVE',
  REGISTRATION_RATE = 'REGISTRATION_RATE',
  WOMEN_SHARE = 'WOMEN_SHARE',
  TURNOVER = 'TURNOVER',
  TAX_CONTRIBUTION = 'TAX_CONTRIBUTION',
  HONOUR_LOAN_BENEFICIARIES = 'HONOUR_LOAN_BENEFICIARIES',
  HONOUR_LOAN_AMOUNT = 'HONOUR_LOAN_AMOUNT',
  DIGITAL_INCLUSION_BENEFICIARIES = 'DIGITAL_INCLUSION_BENEFICIARIES',
  TPME_PROMOTION_BENEFICIARIES = 'TPME_PROMOTION_BENEFICIARIES',
  PROJECT_HOLDER_BENEFICIARIES = 'PROJECT_HOLDER_BENEFICIARIES',
  POST_CREATION_BENEFICIARIES = 'POST_CREATION_BENEFICIARIES',
  ADVISORS_TRAINED = 'ADVISORS_TRAINED',
  AWARENESS_EVENTS = 'AWARENESS_EVENTS',
  WORKSHOPS = 'WORKSHOPS',
  COUNCILS_ENGAGED = 'COUNCILS_ENGAGED',
  ASSESSMENTS = 'ASSESSMENTS',
}
registerEnumType(IndicatorSource, {
  name: 'IndicatorSource',
  description:
    "Where an indicator's actual comes from: a figure of the register (registry subgraph: APPLICATIONS … TAX_CONTRIBUTION), of the programmes, network and events (programs subgraph: HONOUR_LOAN_BENEFICIARIES … COUNCILS_ENGAGED), or the mean rating of its assessments (ASSESSMENTS, for qualitative indicators).",
});
