import { Directive, Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { numericColumn } from '@moukawil/kit/subgraph';
import { ProgrammeKind, ProgrammeScope } from './enums';

@Entity('programme')
@ObjectType({ description: 'A support offer for auto-entrepreneurs (honour loans, digital inclusion, post-creation support…), run in some regions.' })
@Directive('@key(fields: "code")')
export class Programme {
  @PrimaryColumn({ type: 'varchar', length: 40 })
  @Field(() => ID, { description: 'Stable code, e.g. "PILOT-HONOUR-LOAN".' })
  code!: string;

  @Column({ type: 'text' })
  @Field({ description: 'Name, in French as users know it, e.g. "Prêt d\'honneur auto-entrepreneur".' })
  name!: string;

  @Column({ type: 'text' })
  @Field({ description: 'What the programme offers and to whom.' })
  description!: string;

  @Column({ type: 'varchar', length: 30 })
  @Field(() => ProgrammeKind, { description: 'Kind of support.' })
  kind!: ProgrammeKind;

  @Column({ type: 'varchar', length: 30, nullable: true })
  @Field(() => String, { nullable: true, description: 'Sector for trade-specific offers, e.g. "RENEWABLE_ENERGY" (values of the regions subgraph\'s Sector).' })
  sector!: string | null;

  @Column({ type: 'text' })
  @Field({ description: 'Who runs it, e.g. "Maroc PME with Initiative Maroc".' })
  operator!: string;

  @Column({ type: 'varchar', array: true, length: 5, name: 'region_codes' })
  regionCodes!: string[];

  @Column({ type: 'int', name: 'start_year' })
  @Field(() => Int, { description: 'First year.' })
  startYear!: number;

  @Column({ type: 'int', name: 'end_year', nullable: true })
  @Field(() => Int, { nullable: true, description: 'Last year, or null when open-ended.' })
  endYear!: number | null;

  @Column({ type: 'numeric', precision: 14, scale: 2, name: 'max_amount', nullable: true, transformer: numericColumn })
  @Field(() => Float, { nullable: true, description: 'Largest amount per beneficiary for loans, MAD (e.g. 100,000 for Réseau Entreprendre honour loans).' })
  maxAmount!: number | null;

  @Column({ type: 'numeric', precision: 16, scale: 2, nullable: true, transformer: numericColumn })
  @Field(() => Float, { nullable: true, description: 'Budget of the programme, MAD, when published.' })
  budget!: number | null;

  @Column({ type: 'text' })
  @Field({ description: "Who may apply (conditions d'éligibilité)." })
  eligibility!: string;

  @Column({ type: 'varchar', length: 5 })
  @Field(() => ProgrammeScope, { description: 'Rural areas, urban areas, or both.' })
  scope!: ProgrammeScope;

  @Column({ type: 'varchar', length: 40, name: 'partner_code', nullable: true })
  partnerCode!: string | null;

  @Column({ type: 'text' })
  @Field({ description: 'Where the facts come from.' })
  source!: string;
}
