import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('assessment')
@ObjectType({
  description: 'A qualitative assessment of an indicator for a region and year: a rating from 1 (poor) to 5 (excellent), with a comment and its author.',
})
export class Assessment {
  @PrimaryGeneratedColumn()
  @Field(() => ID, { description: 'Identifier.' })
  id!: number;

  @Column({ type: 'varchar', length: 40, name: 'indicator_code' })
  @Field(() => ID, { description: 'The qualitative indicator assessed.' })
  indicatorCode!: string;

  @Column({ type: 'varchar', length: 5, name: 'region_code' })
  @Field(() => ID, { description: 'The region assessed.' })
  regionCode!: string;

  @Column({ type: 'int' })
  @Field(() => Int, { description: 'The year assessed.' })
  year!: number;

  @Column({ type: 'int' })
  @Field(() => Int, { description: 'Rating, 1 (poor) to 5 (excellent).' })
  rating!: number;

  @Column({ type: 'text' })
  @Field({ description: 'What supports the rating.' })
  comment!: string;

  @Column({ type: 'text', name: 'author_subject' })
  @Field({ description: 'Who assessed (token subject).' })
  authorSubject!: string;

  @Column({ type: 'varchar', length: 12, name: 'author_role', nullable: true })
  @Field(() => String, { nullable: true, description: 'Role of the author.' })
  authorRole!: string | null;

  @Column({ type: 'timestamptz' })
  @Field({ description: 'When it was recorded.' })
  at!: Date;
}
