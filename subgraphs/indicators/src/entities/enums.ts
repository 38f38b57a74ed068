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
