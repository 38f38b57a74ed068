import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { numericColumn } from '@moukawil/kit/subgraph';

@Entity('turnover_declaration')
@ObjectType({ description: "A quarterly turnover declaration (déclaration du chiffre d'affaires) and the tax it bears." })
export class TurnoverDeclaration {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  @Field(() => ID, { description: 'Identifier.' })
  id!: string;

  @Column({ type: 'uuid', name: 'auto_entrepreneur_id' })
  autoEntrepreneurId!: string;

  @Column({ type: 'varchar', length: 5, name: 'region_code' })
  regionCode!: string;

  @Column({ type: 'int' })
  @Field(() => Int, { description: 'Year of the declared period.' })
  year!: number;

  @Column({ type: 'int' })
  @Field(() => Int, { description: 'Quarter of the declared period, 1 to 4.' })
  quarter!: number;

  @Column({ type: 'numeric', precision: 14, scale: 2, transformer: numericColumn })
  @Field(() => Float, { description: 'Turnover collected in the quarter, MAD.' })
  amount!: number;

  @Column({ type: 'numeric', precision: 14, scale: 2, transformer: numericColumn })
  @Field(() => Float, { description: "Tax due on it, MAD (rate of the activity's category in force that year)." })
  tax!: number;

  @Column({ type: 'timestamptz', name: 'declared_at' })
  @Field({ description: 'When it was first declared.' })
  declaredAt!: Date;

  @Column({ type: 'timestamptz', name: 'corrected_at', nullable: true })
  @Field(() => Date, { nullable: true, description: 'When it was last corrected (the history keeps every amount).' })
  correctedAt!: Date | null;
}
