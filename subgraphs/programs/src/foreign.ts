import { sharedType, type SharedType } from '@moukawil/kit/subgraph';

/** The other subgraphs' entities this one refers to or adds fields to: their keys only, as the kit describes them for every subgraph. */
export const Region = sharedType('Region');
export type Region = SharedType<'Region'>;

export const AutoEntrepreneur = sharedType('AutoEntrepreneur');
export type AutoEntrepreneur = SharedType<'AutoEntrepreneur'>;

export const Partner = sharedType('Partner');
export type Partner = SharedType<'Partner'>;

export const IndicatorStatus = sharedType('IndicatorStatus');
export type IndicatorStatus = SharedType<'IndicatorStatus'>;

export const Scorecard = sharedType('Scorecard');
export type Scorecard = SharedType<'Scorecard'>;
