import { Field, Float, ID, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('target_revision')
@ObjectType({ description: 'A change of a target: the value before and after, why, who and when. Never changed nor deleted.' })
export class TargetRevision {
  @PrimaryGeneratedColumn()
  @Field(() => ID, { description: 'Identifier, increasing with time.' })
  id!: number;

  @Column({ type: 'int', name: 'target_id' })
  targetId!: number;

  @Column({ type: 'float8', name: 'previous_value', nullable: true })
  @Field(() => Float, { nullable: true, description: 'Value before; null when the target was set.' })
  previousValue!: number | null;

  @Column({ type: 'float8' })
  @Field(() => Float, { description: 'Value after.' })
  value!: number;

  @Column({ type: 'text' })
  @Field({ description: 'Why it was set or revised.' })
  reason!: string;

  @Column({ type: 'text', name: 'actor_subject' })
  @Field({ description: 'Who (token subject).' })
  actorSubject!: string;

  @Column({ type: 'varchar', length: 12, name: 'actor_role', nullable: true })
  @Field(() => String, { nullable: true, description: 'Role of who did it.' })
  actorRole!: string | null;

  @Column({ type: 'timestamptz' })
  @Field({ description: 'When.' })
  at!: Date;
}
