import { provincesOf, REGIONS } from '@moukawil/kit/domain';
import type { ListBounds } from '@moukawil/kit/subgraph';

/** The bound of each list of this subgraph without a page argument (kit/src/subgraph/list-sizes.ts), from the territory and the partnership rules. */
export const LIST_BOUNDS: ListBounds = {
  'Query.regions': REGIONS.length,
  /** The most prefectures and provinces of one region (the territory's own data). */
  'Region.provinces': Math.max(...REGIONS.map((r) => provincesOf(r.code).length)),
  'Region.ecosystems': 20,
  /** Partners and conventions: a region works with tens of them, the country with a few hundred. */
  'Query.partners': 500,
  'Region.partners': 100,
  'Query.conventions': 500,
  'Region.conventions': 100,
  'Convention.parties': 20,
  'Convention.commitments': 50,
  /** A record's change history: corrections are rare, fifty is far past any seen. */
  'Convention.history': 50,
  'Partner.history': 50,
  'Query.apiKeys': 1_000,
};
