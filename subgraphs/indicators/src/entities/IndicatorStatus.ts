import { Directive, Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { sharedType, type SharedType } from '@moukawil/kit/subgraph';

/** The figures the registry and programs subgraphs hand over (shared types: the kit describes them once). */
export const RegistryFigures = sharedType('RegistryFigures');
export type RegistryFigures = SharedType<'RegistryFigures'>;
export const ProgrammeFigures = sharedType('ProgrammeFigures');
export type ProgrammeFigures = SharedType<'ProgrammeFigures'>;

const REGISTRY = 'applications registered active registeredToDate women turnover taxContribution';
const PROGRAMMES =
  'honourLoanBeneficiaries honourLoanAmount digitalInclusionBeneficiaries tpmePromotionBeneficiaries ' +
  'projectHolderBeneficiaries postCreationBeneficiaries advisorsTrained awarenessEvents workshops councilsEngaged';

/** What actuals are computed from: the figures the owning subgraphs add to IndicatorStatus. */
export const REQUIRED_FIGURES = `registryFigures { ${REGISTRY} } programmeFigures { ${PROGRAMMES} }`;

/** The same figures, for each period of a Scorecard. */
export const SCORECARD_FIGURES = `registryFigures { fromYear toYear ${REGISTRY} } programmeFigures { fromYear toYear ${PROGRAMMES} }`;

/** The fields every status has, in a scorecard (ScorecardStatus) or as an entity of its own (IndicatorStatus); not a type of the schema itself. */
@ObjectType()
export abstract class StatusTarget {
  @Field(() => ID, { description: 'Code of the indicator.' })
  indicatorCode!: string;

  @Field(() => ID, { description: '"MA" for the nation, or the region code.' })
  scope!: string;

  @Field(() => Int, { description: 'First year of the period measured.' })
  fromYear!: number;

  @Field(() => Int, { description: 'Last year of the period measured.' })
  toYear!: number;

  @Field(() => Float, { nullable: true, description: 'Target value over the period; null when none is set.' })
  target!: number | null;

  @Field(() => String, { nullable: true, description: 'Who set the target.' })
  targetSource!: string | null;
}

@ObjectType({
  description:
    "Target versus actual of one indicator, for the nation or one region, over the target's period (or the year asked for, when there is no target). Actuals come live from the subgraph that owns the data.",
})
@Directive('@key(fields: "indicatorCode scope fromYear toYear")')
export class IndicatorStatus extends StatusTarget {
  @Directive('@external')
  @Field(() => RegistryFigures, { nullable: true, description: 'Register figures over the scope and period (resolved by the registry subgraph).' })
  registryFigures?: RegistryFigures | null;

  @Directive('@external')
  @Field(() => ProgrammeFigures, {
    nullable: true,
    description: 'Programme, network and event figures over the scope and period (resolved by the programs subgraph).',
  })
  programmeFigures?: ProgrammeFigures | null;
}
