import { forbidden } from '../core/errors';
import type { Viewer } from '../core/tokens';

/**
 * What each role may see and do of people (docs/access.md): the law of the domain, used by every
 * subgraph's policy.
 */
/** May this viewer read the people (names, IDs) of `region`? */
export function canReadPeopleOf(viewer: Viewer, region: string): boolean {
  if (viewer.role === 'NATIONAL') return true;
  return (viewer.role === 'REGIONAL' || viewer.role === 'ADVISOR') && viewer.region === region;
}

/** May this viewer write registrations and enrolments in `region`? */
export function canWriteIn(viewer: Viewer, region: string): boolean {
  return viewer.role === 'NATIONAL' || (viewer.role === 'ADVISOR' && viewer.region === region);
}

/** May this viewer record the operational data of `region` (events, workshops, advisors, partners, conventions)? Its council and the national office. */
export function canManageIn(viewer: Viewer, region: string): boolean {
  return viewer.role === 'NATIONAL' || (viewer.role === 'REGIONAL' && viewer.region === region);
}

/** The regions whose people a viewer may list: all, or one, or none. */
export function readableRegions(viewer: Viewer): 'ALL' | string[] {
  if (viewer.role === 'NATIONAL') return 'ALL';
  if ((viewer.role === 'REGIONAL' || viewer.role === 'ADVISOR') && viewer.region) return [viewer.region];
  return [];
}

/**
 * The regions a list of people (or of what they do) may cover for this viewer: the one asked
 * for if readable, else all it may read. FORBIDDEN for a region it may not read, and for callers
 * who may read no one (`refusal` says where their public figures are).
 */
export function peopleListScope(viewer: Viewer, region: string | null, refusal: string): string[] | 'ALL' {
  const readable = readableRegions(viewer);
  if (readable !== 'ALL' && readable.length === 0) throw forbidden(refusal);
  if (region) {
    if (readable !== 'ALL' && !readable.includes(region)) throw forbidden(`You may not list the people of ${region}`);
    return [region];
  }
  return readable;
}

/** How much of a CIN of `region` a viewer may see: full for advisors of the region and the national office, masked for its council. */
export function nationalIdVisibility(viewer: Viewer, region: string): 'full' | 'masked' | 'none' {
  if (viewer.role === 'NATIONAL' || (viewer.role === 'ADVISOR' && viewer.region === region)) return 'full';
  if (viewer.role === 'REGIONAL' && viewer.region === region) return 'masked';
  return 'none';
}

/** CIN as a viewer may see it (nationalIdVisibility). */
export function nationalIdFor(viewer: Viewer, region: string, nationalId: string): string {
  const visibility = nationalIdVisibility(viewer, region);
  if (visibility === 'full') return nationalId;
  if (visibility === 'masked') return maskNationalId(nationalId);
  throw forbidden('You may not read the national ID of a person of this region');
}

/** Keeps the letters and the first two digits: "JB123456" -> "JB12****", "J1002345" -> "J10*****". */
export function maskNationalId(nationalId: string): string {
  const letters = /^[A-Z]*/.exec(nationalId)![0].length;
  const visible = nationalId.slice(0, letters + 2);
  return visible + '*'.repeat(Math.max(nationalId.length - visible.length, 4));
}
