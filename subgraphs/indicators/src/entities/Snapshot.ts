import { Field, Float, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity('indicator_snapshot')
@ObjectType({ description: 'The actual (and target) of an indicator status as recorded on one day by the snapshot.' })
export class Snapshot {
  @PrimaryColumn({ type: 'date' })
  @Field({ description: 'Day of the snapshot (ISO).' })
  day!: string;

  @PrimaryColumn({ type: 'varchar', length: 40, name: 'indicator_code' })
  indicatorCode!: string;

  @PrimaryColumn({ type: 'varchar', length: 5 })
  scope!: string;

  @PrimaryColumn({ type: 'int', name: 'from_year' })
  fromYear!: number;

  @PrimaryColumn({ type: 'int', name: 'to_year' })
  toYear!: number;

  @Column({ type: 'float8', nullable: true })
  @Field(() => Float, { nullable: true, description: 'Target that day.' })
  target!: number | null;

  @Column({ type: 'float8', nullable: true })
  @Field(() => Float, { nullable: true, description: 'Actual that day; null when it was unknown.' })
  actual!: number | null;
}
