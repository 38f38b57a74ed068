import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { EventKind } from './enums';

@Entity('event')
@ObjectType({ description: 'An awareness event, an advisor training workshop or a council session, held in a region with a local partner.' })
export class Event {
  @PrimaryColumn({ type: 'uuid' })
  @Field(() => ID, { description: 'Identifier.' })
  id!: string;

  @Column({ type: 'varchar', length: 24 })
  @Field(() => EventKind, { description: 'Kind of event.' })
  kind!: EventKind;

  @Column({ type: 'text' })
  @Field({ description: 'Title, e.g. "Journée de sensibilisation au statut de l\'auto-entrepreneur — Agadir".' })
  title!: string;

  @Column({ type: 'varchar', length: 5, name: 'region_code' })
  @Field(() => ID, { description: 'Region where it was held.' })
  regionCode!: string;

  @Column({ type: 'varchar', length: 40, name: 'partner_code', nullable: true })
  partnerCode!: string | null;

  @Column({ type: 'date', name: 'held_on' })
  @Field({ description: 'Date (ISO).' })
  heldOn!: string;

  @Column({ type: 'int' })
  @Field(() => Int, { description: 'Number of participants.' })
  attendance!: number;

  @Column({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'Where it was held (town, venue).' })
  place!: string | null;

  @Column({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'Who ran a training workshop (formateur).' })
  trainer!: string | null;

  @Column({ type: 'int', nullable: true })
  @Field(() => Int, { nullable: true, description: 'Women among the participants, when counted.' })
  women!: number | null;

  @Column({ type: 'int', nullable: true })
  @Field(() => Int, { nullable: true, description: 'Men among the participants, when counted.' })
  men!: number | null;

  @Column({ type: 'timestamptz', name: 'cancelled_at', nullable: true })
  @Field(() => Date, { nullable: true, description: 'When it was cancelled (it then counts in no indicator); null while it stands.' })
  cancelledAt!: Date | null;

  @Column({ type: 'text', name: 'cancel_reason', nullable: true })
  @Field(() => String, { nullable: true, description: 'Why it was cancelled.' })
  cancelReason!: string | null;
}
