import { sharedType, type SharedType } from '@moukawil/kit/subgraph';

/** The figures the indicators subgraph computes support actuals from (a type it declares too: the kit describes it once). */
export const ProgrammeFigures = sharedType('ProgrammeFigures');
export type ProgrammeFigures = SharedType<'ProgrammeFigures'>;
