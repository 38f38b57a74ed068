import { Directive, Field, Float, ID, Int, ObjectType } from 'type-graphql';
import type { Cell } from '../stats';

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

@ObjectType({ description: 'Figures of the national register for a scope (the nation or one region) and a period (one year, or all years). Computed in SQL from the register: never copied by hand.' })
export class RegistrationStats {
  @Field(() => ID, { nullable: true, description: 'Region code, or null for the national figure.' })
  region!: string | null;

  @Field(() => Int, { nullable: true, description: 'The year counted, or null for all years since the register opened (September 2015).' })
  year!: number | null;

  @Field(() => Int, { description: 'Applications filed in the period (demandes d\'inscription).' })
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

@ObjectType({ description: 'Registration figures of the register over an indicator period, for the indicators subgraph (through @requires).' })
@Directive('@shareable')
export class RegistryFigures {
  @Field(() => Int, { description: 'First year of the period.' })
  fromYear!: number;

  @Field(() => Int, { description: 'Last year of the period.' })
  toYear!: number;

  @Field(() => Int, { description: 'Applications filed over the period.' })
  applications!: number;

  @Field(() => Int, { description: 'Registrations made over the period.' })
  registered!: number;

  @Field(() => Int, { description: 'Auto-entrepreneurs active at the end of the period.' })
  active!: number;

  @Field(() => Int, { description: 'Registrations since the register opened, up to the end of the period (struck off included).' })
  registeredToDate!: number;

  @Field(() => Int, { description: 'Women among the registrations of the period.' })
  women!: number;

  @Field(() => Float, { description: 'Turnover declared over the period, MAD.' })
  turnover!: number;

  @Field(() => Float, { description: 'Tax on turnover over the period, MAD.' })
  taxContribution!: number;
}

/** The indicators subgraph owns IndicatorStatus; the registry adds the figures its actuals are computed from. */
@ObjectType({ description: 'Status of an indicator for a scope and period (owned by the indicators subgraph).' })
@Directive('@key(fields: "indicatorCode scope fromYear toYear")')
export class IndicatorStatus {
  @Field(() => ID, { description: 'Code of the indicator.' })
  indicatorCode!: string;

  @Field(() => ID, { description: '"MA" for the nation, or a region code.' })
  scope!: string;

  @Field(() => Int, { description: 'First year of the period.' })
  fromYear!: number;

  @Field(() => Int, { description: 'Last year of the period.' })
  toYear!: number;
}

@ObjectType({ description: 'Register figures of one calendar year, for the timeline of a scope (the nation or one region). Public aggregate.' })
export class YearFigures {
  @Field(() => Int, { description: 'The calendar year.' })
  year!: number;

  @Field(() => Int, { description: 'Applications filed that year (demandes d\'inscription).' })
  applications!: number;

  @Field(() => Int, { description: 'Registrations in the RNAE made that year.' })
  registered!: number;

  @Field(() => Int, { description: 'Women among the registrations of the year.' })
  women!: number;

  @Field(() => Int, { description: 'Registrations since the register opened, up to the end of the year (struck off included).' })
  registeredToDate!: number;
}

/** The indicators subgraph owns Scorecard; this subgraph adds the figures of each of its periods. */
@ObjectType({ description: 'A scorecard of one scope and year (owned by the indicators subgraph).' })
@Directive('@key(fields: "scope year periods")')
export class Scorecard {
  @Field(() => ID, { description: '"MA" for the nation, or a region code.' })
  scope!: string;

  @Field(() => Int, { description: 'The year of the scorecard.' })
  year!: number;

  @Field({ description: 'The periods its statuses measure, "first-last" years separated by spaces.' })
  periods!: string;
}
