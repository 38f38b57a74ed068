import { forbidden, type Viewer } from '@moukawil/kit/core';
import { canManageIn } from '@moukawil/kit/domain';

/**
 * The regions subgraph's access decisions. Its data is public; it is written by the national
 * office everywhere and by a regional council for its own region (partners, conventions and their
 * commitments); national partners and agreements by the national office only.
 */
export const policy = {
  /** Before any argument is looked at: only councils and the national office record partners and agreements. */
  assertMayRecord(viewer: Viewer): void {
    if (viewer.role !== 'NATIONAL' && viewer.role !== 'REGIONAL')
      throw forbidden('Only regional councils and the national office record partners and conventions');
  },

  /** `region` null: a national partner or agreement. */
  assertRecordsIn(viewer: Viewer, region: string | null): void {
    if (region === null ? viewer.role !== 'NATIONAL' : !canManageIn(viewer, region))
      throw forbidden(
        region === null
          ? 'Only the national office records national partners and agreements'
          : `Only the council of ${region} and the national office record its partners and conventions`,
      );
  },

  /** The history names its authors: for the national office and the councils. */
  assertMayReadHistory(viewer: Viewer): void {
    if (viewer.role !== 'NATIONAL' && viewer.role !== 'REGIONAL')
      throw forbidden('The history of partners and conventions is for the national office and the councils');
  },
};
