import type { ListBounds } from '@moukawil/kit/subgraph';

/** Years the register may hold figures for: from its opening in 2015 to 2100, the last year any argument accepts. */
const YEARS = 2100 - 2015 + 1;

/** The bound of each list of this subgraph without a page argument (kit/src/subgraph/list-sizes.ts). */
export const LIST_BOUNDS: ListBounds = {
  'Query.activities': 300,
  'Query.excludedActivities': 100,
  'Query.registrationsByYear': YEARS,
  'Region.registrationsByYear': YEARS,
  /** A scorecard compares at most 20 periods (its `periods` argument). */
  'Scorecard.registryFigures': 20,
  'RegistrationStats.bySegment': 10,
  'RegistrationStats.byActivityCategory': 10,
  'RegistrationStats.byGender': 2,
  /** One declaration a quarter, every year. */
  'AutoEntrepreneur.declarations': 4 * YEARS,
  /** The rows of one import batch (write/import.ts, IMPORT_BATCH_ROWS). */
  'ImportBatchResult.rejected': 200,
  /** Lifecycle steps and rectifications of one person. */
  'AutoEntrepreneur.history': 50,
};
