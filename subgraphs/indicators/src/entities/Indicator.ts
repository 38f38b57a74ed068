import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { Aggregation, Direction, IndicatorKind, IndicatorSource } from './enums';

@Entity('indicator')
@ObjectType({
  description: 'A key performance indicator of the support to auto-entrepreneurs (dispositif de suivi des indicateurs quantitatifs et qualitatifs). Public.',
})
@Directive('@key(fields: "code")')
export class Indicator {
  @PrimaryColumn({ type: 'varchar', length: 40 })
  @Field(() => ID, { description: 'Stable code, e.g. "AE_REGISTRATIONS".' })
  code!: string;

  @Column({ type: 'text', name: 'name_fr' })
  @Field({ description: 'Name in French, e.g. "Inscriptions au RNAE".' })
  name!: string;

  @Column({ type: 'text', name: 'name_en' })
  @Field({ description: 'Name in English, e.g. "Registrations in the national register".' })
  nameEn!: string;

  @Column({ type: 'text', name: 'name_ar', nullable: true })
  @Field(() => String, { nullable: true, description: 'Name in Arabic, e.g. "التسجيلات في السجل الوطني للمقاول الذاتي"; null when none was given.' })
  nameAr!: string | null;

  @Column({ type: 'text' })
  @Field({ description: 'What is measured and how.' })
  description!: string;

  @Column({ type: 'varchar', length: 12 })
  @Field(() => IndicatorKind, { description: 'Quantitative or qualitative.' })
  kind!: IndicatorKind;

  @Column({ type: 'text' })
  @Field({ description: 'Unit, e.g. "registrations", "MAD", "share".' })
  unit!: string;

  @Column({ type: 'varchar', length: 16 })
  @Field(() => Direction, { description: 'Which way is better.' })
  direction!: Direction;

  @Column({ type: 'varchar', length: 8 })
  @Field(() => Aggregation, { description: 'How values aggregate.' })
  aggregation!: Aggregation;

  @Column({ type: 'varchar', length: 8, name: 'period_type' })
  @Field({ description: 'Period of measurement: YEAR (targets span one or more whole years).' })
  periodType!: string;

  @Column({ type: 'text', name: 'actual_source', nullable: true })
  @Field(() => String, {
    nullable: true,
    description:
      'Where the actual value comes from in the graph, e.g. "registry: IndicatorStatus.registryFigures.registered"; null while no subgraph provides it yet.',
  })
  actualSource!: string | null;

  @Column({ type: 'varchar', length: 40 })
  @Field(() => IndicatorSource, { description: 'Where its actual comes from: a figure of the registry or programs subgraph, or its assessments.' })
  source!: IndicatorSource;

  @Column({ type: 'timestamptz', name: 'retired_at', nullable: true })
  @Field(() => Date, { nullable: true, description: 'When it was retired from the catalogue (it then leaves the scorecards); null while in use.' })
  retiredAt!: Date | null;

  @Column({ type: 'text', name: 'retire_reason', nullable: true })
  @Field(() => String, { nullable: true, description: 'Why it was retired.' })
  retireReason!: string | null;
}
