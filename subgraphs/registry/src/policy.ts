import { canReadPeopleOf, canWriteIn, forbidden, nationalIdFor, notePersonalRead, peopleListScope, type Viewer } from '@moukawil/kit';
import type { AutoEntrepreneur } from './entities/AutoEntrepreneur';

/**
 * The registry's access decisions, in one place (CONTRACT.md "Access rules"): every path
 * that reaches a person (root fields, lists, entity references) goes through these.
 */
export const policy = {
  /** Reading a person at all: councils, advisors of the region, national office. */
  assertCanRead(viewer: Viewer, person: AutoEntrepreneur): AutoEntrepreneur {
    if (!canReadPeopleOf(viewer, person.regionCode)) throw forbidden('You may not read the people of this region');
    notePersonalRead(viewer, person.id);
    return person;
  },

  /** The regions a list may cover for this viewer, given the region asked for (if any). */
  listScope(viewer: Viewer, region: string | null): string[] | 'ALL' {
    return peopleListScope(viewer, region, 'Lists of people are for regional councils, advisors and the national office; public figures are in nationalStats and Region.registrationStats');
  },

  nationalId(viewer: Viewer, person: AutoEntrepreneur): string {
    const value = nationalIdFor(viewer, person.regionCode, person.nationalId);
    notePersonalRead(viewer, person.id);
    return value;
  },

  /** Phone and birth date: like the full CIN, for advisors of the region and the national office. */
  assertCanReadContact(viewer: Viewer, person: AutoEntrepreneur): void {
    if (!(viewer.role === 'NATIONAL' || (viewer.role === 'ADVISOR' && viewer.region === person.regionCode))) {
      throw forbidden('Phone and birth date are for the advisors of the region and the national office');
    }
  },

  assertCanWrite(viewer: Viewer, region: string): void {
    if (!canWriteIn(viewer, region)) throw forbidden(`Only the advisors of ${region} and the national office may write to its register`);
  },
};
