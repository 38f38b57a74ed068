import type { ListBounds } from '@moukawil/kit/subgraph';
import { HISTORY_DAYS } from './loaders';

/** The catalogue's indicators, with room to grow. */
const INDICATORS = 50;
/** The 12 regions and the nation. */
const SCOPES = 13;

/** The bound of each list of this subgraph without a page argument (kit/src/subgraph/list-sizes.ts). */
export const LIST_BOUNDS: ListBounds = {
  'Query.indicators': INDICATORS,
  'Query.scorecards': SCOPES,
  'Query.nationalScorecard': INDICATORS,
  'Region.scorecard': INDICATORS,
  'Scorecard.statuses': INDICATORS,
  'Query.assessments': 1_000,
  /** Each scope's targets for an indicator, a few periods each. */
  'Indicator.targets': SCOPES * 15,
  'Target.revisions': 50,
  /** Daily snapshots of one year, the most a history answers (loaders.ts). */
  'IndicatorStatus.history': HISTORY_DAYS,
  'ScorecardStatus.history': HISTORY_DAYS,
};
