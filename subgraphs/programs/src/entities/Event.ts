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
}
