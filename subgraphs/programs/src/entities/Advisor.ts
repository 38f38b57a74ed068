import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity('advisor')
@ObjectType({ description: 'An entrepreneurship advisor (conseiller en entrepreneuriat) of the network Maroc PME builds in the regions.' })
export class Advisor {
  @PrimaryColumn({ type: 'uuid' })
  @Field(() => ID, { description: 'Identifier.' })
  id!: string;

  @Column({ type: 'text', name: 'full_name' })
  fullName!: string;

  @Column({ type: 'varchar', length: 5, name: 'region_code' })
  @Field(() => ID, { description: 'Region where the advisor works.' })
  regionCode!: string;

  @Column({ type: 'varchar', length: 40, name: 'partner_code', nullable: true })
  partnerCode!: string | null;

  @Column({ type: 'uuid', name: 'workshop_id', nullable: true })
  workshopId!: string | null;

  @Column({ type: 'date', name: 'trained_on', nullable: true })
  @Field(() => String, { nullable: true, description: 'Date of the training workshop attended (ISO), if any.' })
  trainedOn!: string | null;

  @Column({ type: 'boolean' })
  @Field({ description: 'Still active in the network.' })
  active!: boolean;

  @Column({ type: 'timestamptz', name: 'deactivated_at', nullable: true })
  @Field(() => Date, { nullable: true, description: 'When the advisor left the network; null while active.' })
  deactivatedAt!: Date | null;

  @Column({ type: 'text', name: 'deactivation_reason', nullable: true })
  @Field(() => String, { nullable: true, description: 'Why the advisor left the network.' })
  deactivationReason!: string | null;
}
