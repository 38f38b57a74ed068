import { Directive, Field, Float, ID, Int, ObjectType } from 'type-graphql';

/** Register figures provided by the registry subgraph (declared here so `@requires` can select them). */
@ObjectType({ description: 'Registration figures of the register over an indicator period (provided by the registry subgraph).' })
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

/** Programme, network and event figures provided by the programs subgraph. */
@ObjectType({ description: 'Programme, network and event figures over an indicator period (provided by the programs subgraph).' })
@Directive('@shareable')
export class ProgrammeFigures {
  @Field(() => Int, { description: 'First year of the period.' })
  fromYear!: number;

  @Field(() => Int, { description: 'Last year of the period.' })
  toYear!: number;

  @Field(() => Int, { description: "Honour-loan (prêt d'honneur) beneficiaries enrolled in the period." })
  honourLoanBeneficiaries!: number;

  @Field(() => Float, { description: 'Amounts lent as honour loans to enrolments of the period, MAD.' })
  honourLoanAmount!: number;

  @Field(() => Int, { description: 'Digital-inclusion beneficiaries enrolled in the period.' })
  digitalInclusionBeneficiaries!: number;

  @Field(() => Int, { description: 'TPME-promotion beneficiaries enrolled in the period.' })
  tpmePromotionBeneficiaries!: number;

  @Field(() => Int, { description: 'Project-holder support beneficiaries enrolled in the period.' })
  projectHolderBeneficiaries!: number;

  @Field(() => Int, { description: 'Post-creation support beneficiaries enrolled in the period.' })
  postCreationBeneficiaries!: number;

  @Field(() => Int, { description: 'Advisors trained in the period.' })
  advisorsTrained!: number;

  @Field(() => Int, { description: 'Awareness events held in the period.' })
  awarenessEvents!: number;

  @Field(() => Int, { description: 'Advisor training workshops held in the period.' })
  workshops!: number;

  @Field(() => Int, { description: 'Regional councils sensitised in the period.' })
  councilsEngaged!: number;
}

const REGISTRY = 'applications registered active registeredToDate women turnover taxContribution';
const PROGRAMMES = 'honourLoanBeneficiaries honourLoanAmount digitalInclusionBeneficiaries tpmePromotionBeneficiaries ' +
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

@ObjectType({ description: 'Target versus actual of one indicator, for the nation or one region, over the target\'s period (or the year asked for, when there is no target). Actuals come live from the subgraph that owns the data.' })
@Directive('@key(fields: "indicatorCode scope fromYear toYear")')
export class IndicatorStatus extends StatusTarget {
  @Directive('@external')
  @Field(() => RegistryFigures, { nullable: true, description: 'Register figures over the scope and period (resolved by the registry subgraph).' })
  registryFigures?: RegistryFigures | null;

  @Directive('@external')
  @Field(() => ProgrammeFigures, { nullable: true, description: 'Programme, network and event figures over the scope and period (resolved by the programs subgraph).' })
  programmeFigures?: ProgrammeFigures | null;
}
