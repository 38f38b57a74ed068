import { Field, Float, ID, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { EnrolmentStatus, RepaymentStatus } from './enums';
import { numericColumn } from '@moukawil/kit/subgraph';

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

  @Column({ type: 'varchar', length: 6, nullable: true })
  gender!: string | null;

  @Column({ type: 'timestamptz', name: 'enrolled_at' })
  @Field({ description: 'When the beneficiary applied.' })
  enrolledAt!: Date;

  @Column({ type: 'timestamptz', name: 'accepted_at', nullable: true })
  @Field(() => Date, { nullable: true, description: 'When the application was accepted.' })
  acceptedAt!: Date | null;

  @Column({ type: 'timestamptz', name: 'started_at', nullable: true })
  @Field(() => Date, { nullable: true, description: 'When the support (or the loan) started.' })
  startedAt!: Date | null;

  @Column({ type: 'timestamptz', name: 'ended_at', nullable: true })
  @Field(() => Date, { nullable: true, description: 'When it was completed or dropped.' })
  endedAt!: Date | null;

  @Column({ type: 'varchar', length: 10, name: 'repayment_status', nullable: true })
  @Field(() => RepaymentStatus, { nullable: true, description: 'Repayment state of an honour loan; null for other programmes.' })
  repaymentStatus!: RepaymentStatus | null;

  @Column({ type: 'numeric', precision: 14, scale: 2, name: 'repaid_amount', transformer: numericColumn })
  @Field(() => Float, { description: 'Amount repaid so far, MAD (loans).' })
  repaidAmount!: number;

  @Column({ type: 'uuid', name: 'advisor_id', nullable: true })
  advisorId!: string | null;

  @Column({ type: 'numeric', precision: 14, scale: 2, nullable: true, transformer: numericColumn })
  @Field(() => Float, { nullable: true, description: 'Amount lent or granted, MAD (loans only).' })
  amount!: number | null;
}
