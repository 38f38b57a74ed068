import { readableRegions, type Viewer } from '@moukawil/kit';

/**
 * The programs subgraph's access decisions, in one place. Who is enrolled where is personal
 * data: enrolment lists only hold rows of regions the viewer may read (none for anonymous
 * and PARTNER callers); the people themselves are guarded again by the registry.
 */
export const policy = {
  /** Region codes whose enrolments this viewer may list, or null for all. */
  enrolmentRegions(viewer: Viewer): string[] | null {
    const readable = readableRegions(viewer);
    return readable === 'ALL' ? null : readable;
  },
};
