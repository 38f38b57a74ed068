import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { EventKind, RegistrationStatus } from './enums';

@Entity('registry_event')
@ObjectType({ description: "One entry of a registration's history: append-only, never changed nor deleted." })
export class RegistryEvent {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  @Field(() => ID, { description: 'Identifier, increasing with time.' })
  id!: string;

  @Column({ type: 'uuid', name: 'auto_entrepreneur_id' })
  autoEntrepreneurId!: string;

  @Column({ type: 'varchar', length: 24 })
  @Field(() => EventKind, { description: 'What happened.' })
  kind!: EventKind;

  @Column({ type: 'varchar', length: 12, name: 'from_status', nullable: true })
  @Field(() => RegistrationStatus, { nullable: true, description: 'Status before (transitions only).' })
  fromStatus!: RegistrationStatus | null;

  @Column({ type: 'varchar', length: 12, name: 'to_status', nullable: true })
  @Field(() => RegistrationStatus, { nullable: true, description: 'Status after (transitions only).' })
  toStatus!: RegistrationStatus | null;

  @Column({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'Reason given (rejection, strike-off, correction).' })
  reason!: string | null;

  @Column({ type: 'jsonb', nullable: true })
  detail!: Record<string, unknown> | null;

  @Column({ type: 'text', name: 'actor_subject' })
  @Field({ description: 'Who did it: the token subject, or "import:<file>" / "seed".' })
  actorSubject!: string;

  @Column({ type: 'varchar', length: 12, name: 'actor_role', nullable: true })
  @Field(() => String, { nullable: true, description: 'Role of who did it.' })
  actorRole!: string | null;

  @Column({ type: 'timestamptz' })
  @Field({ description: 'When.' })
  at!: Date;
}
