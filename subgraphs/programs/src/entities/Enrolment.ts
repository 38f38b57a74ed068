import { Field, Float, ID, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { EnrolmentStatus } from './enums';
import { numericColumn } from '@moukawil/kit';

@Entity('enrolment')
@ObjectType({ description: 'An auto-entrepreneur enrolled in a programme.' })
export class Enrolment {
  @PrimaryColumn({ type: 'uuid' })
  @Field(() => ID, { description: 'Identifier.' })
  id!: string;

  @Column({ type: 'varchar', length: 40, name: 'programme_code' })
  programmeCode!: string;

  @Column({ type: 'uuid', name: 'auto_entrepreneur_id' })
  autoEntrepreneurId!: string;

  @Column({ type: 'varchar', length: 5, name: 'region_code' })
  @Field(() => ID, { description: 'Region where the beneficiary is supported.' })
  regionCode!: string;

  @Column({ type: 'varchar', length: 10 })
  @Field(() => EnrolmentStatus, { description: 'Where the enrolment stands.' })
  status!: EnrolmentStatus;

  @Column({ type: 'timestamptz', name: 'enrolled_at' })
  @Field({ description: 'When the beneficiary applied.' })
  enrolledAt!: Date;

  @Column({ type: 'numeric', precision: 14, scale: 2, nullable: true, transformer: numericColumn })
  @Field(() => Float, { nullable: true, description: 'Amount lent or granted, MAD (loans only).' })
  amount!: number | null;
}
