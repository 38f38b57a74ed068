import { badInput, forbidden, type Viewer } from '@moukawil/kit/core';
import { canManageIn, canReadPeopleOf, canWriteIn, peopleListScope, readableRegions } from '@moukawil/kit/domain';
import type { Enrolment } from './entities/Enrolment';

/**
 * The programs subgraph's access decisions, in one place. Who is enrolled where is personal
 * data: enrolment lists only hold rows of regions the viewer may read (none for anonymous
 * and PARTNER callers); the people themselves are guarded again by the registry. Advisors'
 * names follow the same rule as people's; counts and events are public.
 */
export const policy = {
  /** Region codes whose enrolments this viewer may list, or null for all. */
  enrolmentRegions(viewer: Viewer): string[] | null {
    const readable = readableRegions(viewer);
    return readable === 'ALL' ? null : readable;
  },

  /** Regions a page of enrolments may cover (Query.enrolments): FORBIDDEN like a list of people. */
  enrolmentListScope(viewer: Viewer, region: string | null): string[] | 'ALL' {
    return peopleListScope(
      viewer,
      region,
      'Lists of enrolments are for regional councils, advisors and the national office; public figures are in Programme.stats and Region.programmeStats',
    );
  },

  assertCanReadPeopleOf(viewer: Viewer, region: string): void {
    if (!canReadPeopleOf(viewer, region)) throw forbidden('Names are for the regional council, the advisors of the region and the national office');
  },

  /** An enrolment a mutation is about: an unknown id is BAD_USER_INPUT for the national office only; others get one refusal whether it exists elsewhere or not at all. */
  writableEnrolment(viewer: Viewer, enrolment: Enrolment | null, id: string): Enrolment {
    if (enrolment && canWriteIn(viewer, enrolment.regionCode)) return enrolment;
    if (!enrolment && viewer.role === 'NATIONAL') throw badInput(`No enrolment has the id "${id}"`, 'id');
    throw forbidden('No enrolment of a region you may write to has this id');
  },

  /** Before any argument is looked at: only advisors and the national office ever enrol, so anyone else is refused whatever they send. */
  assertMayEnrol(viewer: Viewer): void {
    if (viewer.role !== 'NATIONAL' && viewer.role !== 'ADVISOR') throw forbidden('Only advisors and the national office enrol auto-entrepreneurs');
  },

  assertCanWrite(viewer: Viewer, region: string): void {
    if (!canWriteIn(viewer, region)) throw forbidden(`Only the advisors of ${region} and the national office may enrol and follow its auto-entrepreneurs`);
  },

  /** Before any argument is looked at: only councils and the national office record the network and its events. */
  assertMayManage(viewer: Viewer): void {
    if (viewer.role !== 'NATIONAL' && viewer.role !== 'REGIONAL')
      throw forbidden('Only regional councils and the national office record advisors, workshops and events');
  },

  assertManages(viewer: Viewer, region: string): void {
    if (!canManageIn(viewer, region)) throw forbidden(`Only the council of ${region} and the national office record its advisors, workshops and events`);
  },

  /** A record a mutation is about (an event, an advisor): an unknown id is BAD_USER_INPUT for the national office only; others get one refusal whether it is elsewhere or nowhere. */
  managed<T extends { regionCode: string }>(viewer: Viewer, record: T | null, id: string, what: string): T {
    if (record && canManageIn(viewer, record.regionCode)) return record;
    if (!record && viewer.role === 'NATIONAL') throw badInput(`No ${what} has the id "${id}"`, 'id');
    throw forbidden(`No ${what} of a region you manage has this id`);
  },

  /** Programmes are created, edited and closed by the national office. */
  assertNational(viewer: Viewer): void {
    if (viewer.role !== 'NATIONAL') throw forbidden('Only the national office creates, edits and closes programmes');
  },

  /** Opening or closing a programme in a region: its council or the national office (before the arguments: councils and the national office only). */
  assertMayOpenIn(viewer: Viewer, region: string | null): void {
    if (viewer.role !== 'NATIONAL' && viewer.role !== 'REGIONAL')
      throw forbidden('Only regional councils and the national office open or close a programme in a region');
    if (region !== null && !canManageIn(viewer, region))
      throw forbidden(`Only the council of ${region} and the national office open or close programmes there`);
  },

  /** Follow-ups: the advisors of the enrolment's region, and the national office. */
  assertMayFollowUp(viewer: Viewer): void {
    if (viewer.role !== 'NATIONAL' && viewer.role !== 'ADVISOR') throw forbidden('Only advisors and the national office record follow-ups');
  },

  /** The staff of the programme (national office, councils, advisors): the history of programmes names its authors. */
  assertStaff(viewer: Viewer): void {
    if (viewer.role !== 'NATIONAL' && viewer.role !== 'REGIONAL' && viewer.role !== 'ADVISOR') throw forbidden('The history of a programme is for its staff');
  },
};
