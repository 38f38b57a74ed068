import { Directive, Field, Float, ID, Int, ObjectType } from 'type-graphql';

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

/** The indicators subgraph owns IndicatorStatus; programs adds the figures its actuals are computed from. */
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
