import type { ListBounds } from '@moukawil/kit/subgraph';
import { DEFAULT_ENROLMENTS } from './loaders';

/**
 * The bound of each list of this subgraph without a page argument (kit/src/subgraph/list-sizes.ts):
 * the network counts 355 advisors trained in 20 workshops, about 400 events in four years, 2,786
 * people followed (8 an advisor) and a handful of programmes; these leave about three times that
 * room, and the paged lists (advisorsConnection, eventsConnection, enrolments) serve the rest.
 */
export const LIST_BOUNDS: ListBounds = {
  'Query.advisors': 1_000,
  'Region.advisors': 300,
  'Query.events': 2_000,
  'Region.events': 500,
  /** recordWorkshop trains 1 to 200 advisors. */
  'Event.trained': 200,
  'Query.programmes': 30,
  'Region.programmes': 30,
  'Region.programmeStats': 30,
  'Programme.regions': 12,
  'Programme.enrolments': DEFAULT_ENROLMENTS,
  'AutoEntrepreneur.enrolments': 20,
  'Enrolment.followUps': 50,
  'Advisor.followed': 100,
  'Advisor.enrolments': 100,
  /** A scorecard compares at most 20 periods (its `periods` argument). */
  'Scorecard.programmeFigures': 20,
  /** A record's change history: corrections are rare, fifty is far past any seen. */
  'Programme.history': 50,
  'Advisor.history': 50,
  'Event.history': 50,
};
