import { Field, ID, InputType } from 'type-graphql';
import { Aggregation, Direction, IndicatorKind, IndicatorSource } from './enums';

@InputType({ description: 'A new indicator of the catalogue, live from the source it declares.' })
export class IndicatorInput {
  @Field(() => ID, { description: 'Stable code: capitals, digits and underscores, e.g. "WOMEN_AT_EVENTS".' })
  code!: string;

  @Field({ description: 'Name in French.' })
  name!: string;

  @Field({ description: 'Name in English.' })
  nameEn!: string;

  @Field(() => String, { nullable: true, description: 'Name in Arabic (the dashboard shows the French name without it).' })
  nameAr?: string | null;

  @Field({ description: 'What is measured and how.' })
  description!: string;

  @Field(() => IndicatorKind, { description: 'QUANTITATIVE (from a figure) or QUALITATIVE (from assessments).' })
  kind!: IndicatorKind;

  @Field({ description: 'Unit, e.g. "events".' })
  unit!: string;

  @Field(() => Direction, { description: 'Which way is better.' })
  direction!: Direction;

  @Field(() => Aggregation, { description: 'How values aggregate.' })
  aggregation!: Aggregation;

  @Field(() => IndicatorSource, { description: 'Where its actual comes from: ASSESSMENTS for a qualitative indicator, a figure for a quantitative one.' })
  source!: IndicatorSource;
}
