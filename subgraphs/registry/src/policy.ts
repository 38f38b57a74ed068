import { badInput, forbidden, type Viewer } from '@moukawil/kit/core';
import { canReadPeopleOf, canWriteIn, nationalIdFor, nationalIdVisibility, peopleListScope } from '@moukawil/kit/domain';
import { notePersonalRead } from '@moukawil/kit/subgraph';
import type { AutoEntrepreneur } from './entities/AutoEntrepreneur';

/**
 * Refusals never tell a person the caller may not read from no person at all: both get the same
 * error, so an id, a CIN or a mutation cannot be used to learn who is in the register.
 */
const NOT_READABLE = 'No auto-entrepreneur you may read has this id';
const NOT_WRITABLE = 'No auto-entrepreneur of a region you may write to has this id';

/**
 * The registry's access decisions, in one place (docs/contract.md "Access rules"): every path
 * that reaches a person (root fields, lists, searches, entity references, mutations) goes through these.
 */
export const policy = {
  /** Reading a person at all: councils, advisors of the region, national office. */
  assertCanRead(viewer: Viewer, person: AutoEntrepreneur): AutoEntrepreneur {
    if (!canReadPeopleOf(viewer, person.regionCode)) throw forbidden(NOT_READABLE);
    notePersonalRead(viewer, person.id);
    return person;
  },

  /** A person looked up by id: null only for the national office (who may read everyone); others get the same refusal whether or not it exists. */
  readable(viewer: Viewer, person: AutoEntrepreneur | null | undefined): AutoEntrepreneur | null {
    if (person) return policy.assertCanRead(viewer, person);
    if (viewer.role === 'NATIONAL') return null;
    throw forbidden(NOT_READABLE);
  },

  /** A person a mutation is about: BAD_USER_INPUT for an unknown id only for the national office; others get one refusal either way. */
  writable(viewer: Viewer, person: AutoEntrepreneur | null, id: string): AutoEntrepreneur {
    if (person && canWriteIn(viewer, person.regionCode)) return person;
    if (!person && viewer.role === 'NATIONAL') throw badInput(`No auto-entrepreneur has the id "${id}"`, 'id');
    throw forbidden(NOT_WRITABLE);
  },

  /** The regions a list may cover for this viewer, given the region asked for (if any). */
  listScope(viewer: Viewer, region: string | null): string[] | 'ALL' {
    return peopleListScope(
      viewer,
      region,
      'Lists of people are for regional councils, advisors and the national office; public figures are in nationalStats and Region.registrationStats',
    );
  },

  nationalId(viewer: Viewer, person: AutoEntrepreneur): string {
    const value = nationalIdFor(viewer, person.regionCode, person.nationalId);
    notePersonalRead(viewer, person.id);
    return value;
  },

  /**
   * A lookup by full CIN over `scope` tells whether that CIN is there: for a caller who sees those
   * CINs masked it is budgeted (lookups.ts), or the mask could be undone by guessing its digits.
   */
  cinLookupIsBudgeted(viewer: Viewer, scope: string[] | 'ALL'): boolean {
    return scope !== 'ALL' && scope.some((region) => nationalIdVisibility(viewer, region) === 'masked');
  },

  /** Phone, address and birth date: like the full CIN, for advisors of the region and the national office. */
  canReadContact(viewer: Viewer, person: AutoEntrepreneur): boolean {
    return viewer.role === 'NATIONAL' || (viewer.role === 'ADVISOR' && viewer.region === person.regionCode);
  },

  assertCanReadContact(viewer: Viewer, person: AutoEntrepreneur): void {
    if (!policy.canReadContact(viewer, person)) throw forbidden('Phone, address and birth date are for the advisors of the region and the national office');
  },

  assertCanWrite(viewer: Viewer, region: string): void {
    if (!canWriteIn(viewer, region)) throw forbidden(`Only the advisors of ${region} and the national office may write to its register`);
  },
};
