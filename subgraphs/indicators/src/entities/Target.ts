import { Directive, Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('target')
@Directive('@key(fields: "indicatorCode scope fromYear toYear")')
@ObjectType({ description: 'A target set for an indicator, nationally or for one region, over a period of whole years, by a named authority.' })
export class Target {
  @PrimaryGeneratedColumn()
  @Field(() => ID, { description: 'Identifier.' })
  id!: number;

  @Column({ type: 'varchar', length: 40, name: 'indicator_code' })
  @Field(() => ID, { description: 'Indicator code.' })
  indicatorCode!: string;

  @Column({ type: 'varchar', length: 5, name: 'region_code', nullable: true })
  @Field(() => ID, { nullable: true, description: 'Region code; null for a national target.' })
  regionCode!: string | null;

  @Column({ type: 'int', name: 'from_year' })
  @Field(() => Int, { description: 'First year of the period.' })
  fromYear!: number;

  @Column({ type: 'int', name: 'to_year' })
  @Field(() => Int, { description: 'Last year of the period: the target is due by its end.' })
  toYear!: number;

  @Column({ type: 'float8' })
  @Field(() => Float, { description: "Target value, in the indicator's unit." })
  value!: number;

  @Column({ type: 'text', name: 'set_by' })
  @Field({ description: 'Who recorded it in the graph (token subject, or "seed").' })
  setBy!: string;

  @Column({ type: 'timestamptz', name: 'set_at' })
  @Field({ description: 'When it was last set or revised.' })
  setAt!: Date;

  @Column({ type: 'text' })
  @Field({ description: 'Who set it, e.g. "Comité national de l\'auto-entrepreneur, octobre 2017" or "Convention CCIS Fès-Meknès / ANPME".' })
  source!: string;
}
