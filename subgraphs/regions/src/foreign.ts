import { sharedType, type SharedType } from '@moukawil/kit/subgraph';

/** The other subgraphs' entities this one refers to: their keys only, as the kit describes them for every subgraph. */
export const Target = sharedType('Target');
export type Target = SharedType<'Target'>;
