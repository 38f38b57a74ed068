import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { sharedType, type SharedType } from '@moukawil/kit/subgraph';
import type { Cell } from '../read/stats';

@ObjectType({ description: 'Register figures of one group (a segment, a category or a gender) within a scope and period.' })
export class StatsBreakdown {
  @Field({ description: 'The group: a PopulationSegment, ActivityCategory or Gender value.' })
  key!: string;

  @Field(() => Int, { description: 'Applications filed in the period.' })
  applications!: number;

  @Field(() => Int, { description: 'Registrations made in the period.' })
  registered!: number;

  @Field(() => Int, { description: 'Active at the end of the period.' })
  active!: number;

  @Field(() => Int, { description: 'Women among the registrations of the period.' })
  women!: number;

  @Field(() => Float, { description: 'Turnover declared for the period, MAD.' })
  turnover!: number;

  @Field(() => Float, { description: 'Tax on turnover for the period, MAD.' })
  taxContribution!: number;
}

@ObjectType({
  description:
    'Figures of the national register for a scope (the nation or one region) and a period (one year, or all years). Computed in SQL from the register: never copied by hand.',
})
export class RegistrationStats {
  @Field(() => ID, { nullable: true, description: 'Region code, or null for the national figure.' })
  region!: string | null;

  @Field(() => Int, { nullable: true, description: 'The year counted, or null for all years since the register opened (September 2015).' })
  year!: number | null;

  @Field(() => Int, { description: "Applications filed in the period (demandes d'inscription)." })
  applications!: number;

  @Field(() => Int, { description: 'Registrations in the RNAE made in the period, including those struck off since.' })
  registered!: number;

  @Field(() => Int, { description: 'Applications rejected in the period.' })
  rejected!: number;

  @Field(() => Int, { description: 'Auto-entrepreneurs struck off in the period (radiations).' })
  struckOff!: number;

  @Field(() => Int, { description: 'Auto-entrepreneurs with an active status at the end of the period (registered and not struck off by then).' })
  active!: number;

  @Field(() => Int, { description: 'Registrations since the register opened (September 2015) up to the end of the period, struck off included.' })
  registeredToDate!: number;

  @Field(() => Int, { description: 'Women among the registrations of the period.' })
  women!: number;

  @Field(() => Float, { description: 'Share of women among the registrations of the period, 0..1 (women / registered; 0 when nobody registered).' })
  womenShare!: number;

  @Field(() => Float, { description: 'Turnover declared for the period, MAD.' })
  turnover!: number;

  @Field(() => Float, { description: 'Tax on turnover due for the period, MAD (contribution fiscale).' })
  taxContribution!: number;

  /** The rollup cells summed here: the breakdowns are computed from them only when asked (StatsResolver). */
  cells!: Cell[];
}

/** The figures the indicators subgraph computes registration actuals from (a type it declares too: the kit describes it once). */
export const RegistryFigures = sharedType('RegistryFigures');
export type RegistryFigures = SharedType<'RegistryFigures'>;

@ObjectType({ description: 'Register figures of one calendar year, for the timeline of a scope (the nation or one region). Public aggregate.' })
export class YearFigures {
  @Field(() => Int, { description: 'The calendar year.' })
  year!: number;

  @Field(() => Int, { description: "Applications filed that year (demandes d'inscription)." })
  applications!: number;

  @Field(() => Int, { description: 'Registrations in the RNAE made that year.' })
  registered!: number;

  @Field(() => Int, { description: 'Women among the registrations of the year.' })
  women!: number;

  @Field(() => Int, { description: 'Registrations since the register opened, up to the end of the year (struck off included).' })
  registeredToDate!: number;

  @Field(() => Int, { description: 'Auto-entrepreneurs struck off the register that year (radiations).' })
  struckOff!: number;

  @Field(() => Float, { description: "Turnover declared for the year's quarters, MAD (chiffre d'affaires déclaré)." })
  turnover!: number;

  @Field(() => Float, { description: 'Tax on that turnover, MAD (contribution fiscale).' })
  taxContribution!: number;
}
