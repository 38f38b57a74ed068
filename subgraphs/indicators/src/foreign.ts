import { sharedType, type SharedType } from '@moukawil/kit/subgraph';

/** The other subgraphs' entities this one refers to or adds fields to: their keys only, as the kit describes them for every subgraph. */
export const Region = sharedType('Region');
export type Region = SharedType<'Region'>;
