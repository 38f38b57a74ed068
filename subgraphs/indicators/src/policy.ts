import { forbidden, type Viewer } from '@moukawil/kit/core';

/**
 * The indicators subgraph's access decisions, in one place. The catalogue, targets and
 * scorecards are public. The national office sets any target; a regional council sets its
 * region's targets. Assessments of a region are recorded by its council, its advisors or the
 * national office.
 */
export const policy = {
  assertCanSetTarget(viewer: Viewer, region: string | null): void {
    if (viewer.role === 'NATIONAL') return;
    if (region && viewer.role === 'REGIONAL' && viewer.region === region) return;
    throw forbidden(region ? `Only the national office and the council of ${region} set its targets` : 'Only the national office sets national targets');
  },

  assertCanAssess(viewer: Viewer, region: string): void {
    if (viewer.role === 'NATIONAL') return;
    if ((viewer.role === 'REGIONAL' || viewer.role === 'ADVISOR') && viewer.region === region) return;
    throw forbidden(`Only the council and advisors of ${region} and the national office assess it`);
  },

  /** The catalogue is the national office's. */
  assertCanEditCatalogue(viewer: Viewer): void {
    if (viewer.role !== 'NATIONAL') throw forbidden('Only the national office adds or retires indicators');
  },
};
