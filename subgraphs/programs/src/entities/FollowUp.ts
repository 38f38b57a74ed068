import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { FollowUpKind } from './enums';

@Entity('follow_up')
@ObjectType({ description: 'A follow-up contact of an advisor with a beneficiary, on an enrolment (readable like the enrolment).' })
export class FollowUp {
  @PrimaryColumn({ type: 'uuid' })
  @Field(() => ID, { description: 'Identifier.' })
  id!: string;

  @Column({ type: 'uuid', name: 'enrolment_id' })
  enrolmentId!: string;

  @Column({ type: 'uuid', name: 'advisor_id', nullable: true })
  advisorId!: string | null;

  @Column({ type: 'varchar', length: 5, name: 'region_code' })
  regionCode!: string;

  @Column({ type: 'date', name: 'on_day' })
  @Field({ description: 'Day of the contact (ISO).' })
  on!: string;

  @Column({ type: 'varchar', length: 12 })
  @Field(() => FollowUpKind, { description: 'How the contact was made.' })
  kind!: FollowUpKind;

  @Column({ type: 'text' })
  @Field({ description: 'What was discussed and agreed.' })
  notes!: string;

  @Column({ type: 'text', name: 'actor_subject' })
  @Field(() => ID, { description: 'Who recorded it (token subject).' })
  actorSubject!: string;

  @Column({ type: 'varchar', length: 12, name: 'actor_role', nullable: true })
  actorRole!: string | null;

  @Column({ type: 'timestamptz', name: 'recorded_at' })
  @Field({ description: 'When it was recorded.' })
  recordedAt!: Date;
}
