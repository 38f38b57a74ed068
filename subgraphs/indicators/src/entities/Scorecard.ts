import { Directive, Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { Indicator } from './Indicator';
import { ProgrammeFigures, RegistryFigures, StatusTarget } from './IndicatorStatus';
import { Region } from '../foreign';

@ObjectType({
  description:
    'A scorecard (tableau de bord): every indicator of the catalogue for one scope (the nation or a region) and one year, with ' +
    'its target and its live actual. One entity per scope: the subgraphs that own the figures compute them once per period for the whole scorecard.',
})
@Directive('@key(fields: "scope year periods")')
export class Scorecard {
  @Field(() => ID, { description: '"MA" for the nation, or the region code.' })
  scope!: string;

  @Field(() => Int, { description: 'The year the scorecard is for.' })
  year!: number;

  @Field({
    description:
      'The periods its statuses measure, as "first-last" years separated by spaces (e.g. "2018-2019 2020-2020"): the registry and programs subgraphs hand over their figures for each.',
  })
  periods!: string;

  @Directive('@external')
  @Field(() => [RegistryFigures], { nullable: true, description: 'Register figures for each period (resolved by the registry subgraph).' })
  registryFigures?: RegistryFigures[] | null;

  @Directive('@external')
  @Field(() => [ProgrammeFigures], { nullable: true, description: 'Programme, network and event figures for each period (resolved by the programs subgraph).' })
  programmeFigures?: ProgrammeFigures[] | null;
}

@ObjectType({ description: "One indicator in a scorecard: its target over the target's period (or the year, without a target) and its live actual." })
export class ScorecardStatus extends StatusTarget {
  @Field(() => Indicator, { description: 'The indicator.' })
  indicator!: Indicator;

  @Field(() => Region, { nullable: true, description: 'The region; null for the national scorecard.' })
  region!: Region | null;

  @Field(() => Float, { nullable: true, description: 'Target value over the period; null when none is set.' })
  target!: number | null;

  @Field(() => String, { nullable: true, description: 'Who set the target.' })
  targetSource!: string | null;

  @Field(() => Float, {
    nullable: true,
    description:
      'Actual value over the period: live from the subgraph that owns the data (quantitative), or the mean rating of the assessments (qualitative); null when unknown, never a guessed 0.',
  })
  actual!: number | null;

  @Field(() => Float, { nullable: true, description: 'actual / target; null without both.' })
  progress!: number | null;

  @Field(() => String, {
    description:
      'ACHIEVED (target met); MISSED (period over, target not met); ON_TRACK (progress at least 90 % of the share of the period elapsed); AT_RISK (behind that); NO_TARGET; NO_DATA (no actual known).',
  })
  status!: string;
}
