import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';

export enum ConventionKind {
  PARTNERSHIP = 'PARTNERSHIP',
  COOPERATION_FRAMEWORK = 'COOPERATION_FRAMEWORK',
  FINANCING = 'FINANCING',
}
registerEnumType(ConventionKind, {
  name: 'ConventionKind',
  description: 'Kind of agreement.',
  valuesConfig: {
    PARTNERSHIP: { description: 'Convention de partenariat with quantified commitments.' },
    COOPERATION_FRAMEWORK: { description: 'Accord-cadre de coopération, without figures.' },
    FINANCING: { description: 'Financing agreement (e.g. honour-loan funds).' },
  },
});

export enum ConventionStatus {
  PLANNED = 'PLANNED',
  SIGNED = 'SIGNED',
}
registerEnumType(ConventionStatus, {
  name: 'ConventionStatus',
  description: 'Where an agreement stands.',
  valuesConfig: {
    PLANNED: { description: 'Announced or being negotiated (projet de convention).' },
    SIGNED: { description: 'Signed and in force.' },
  },
});

@Entity('convention')
@ObjectType({ description: 'A partnership convention (convention de partenariat) between Maroc PME and regional or national partners.' })
export class Convention {
  @PrimaryColumn({ type: 'varchar', length: 40 })
  @Field(() => ID, { description: 'Stable reference, e.g. "CONV-CCIS-FM-ANPME-2019".' })
  code!: string;

  @Column({ type: 'text' })
  @Field({ description: 'Title of the agreement.' })
  title!: string;

  @Column({ type: 'varchar', length: 25 })
  @Field(() => ConventionKind, { description: 'Kind of agreement.' })
  kind!: ConventionKind;

  @Column({ type: 'varchar', length: 10 })
  @Field(() => ConventionStatus, { description: 'Planned or signed.' })
  status!: ConventionStatus;

  @Column({ type: 'int', name: 'signed_year', nullable: true })
  @Field(() => Int, { nullable: true, description: 'Year it was signed, when known.' })
  signedYear!: number | null;

  @Column({ type: 'varchar', length: 5, name: 'region_code', nullable: true })
  @Field(() => ID, { nullable: true, description: 'ISO code of the region it covers; null for a national agreement.' })
  regionCode!: string | null;

  @Column({ type: 'text' })
  @Field({ description: 'What the agreement is about.' })
  summary!: string;

  @Column({ type: 'text' })
  @Field({ description: 'Where the facts come from (press article, official source).' })
  source!: string;
}

@Entity('convention_party')
export class ConventionParty {
  @PrimaryColumn({ type: 'varchar', length: 40, name: 'convention_code' })
  conventionCode!: string;

  @PrimaryColumn({ type: 'varchar', length: 40, name: 'partner_code' })
  partnerCode!: string;
}

@Entity('convention_commitment')
@ObjectType({ description: 'A quantified commitment of a convention, e.g. "500 auto-entrepreneur registrations by end 2019".' })
export class Commitment {
  @PrimaryColumn({ type: 'varchar', length: 60 })
  @Field(() => ID, { description: 'Stable code, e.g. "CONV-CCIS-FM-ANPME-2019/AE-2019".' })
  code!: string;

  @Column({ type: 'varchar', length: 40, name: 'convention_code' })
  conventionCode!: string;

  @Column({ type: 'text' })
  @Field({ description: 'What is committed, in words.' })
  label!: string;

  @Column({ type: 'varchar', length: 40 })
  @Field({ description: 'What is counted (matches an indicator code of the indicators subgraph), e.g. "AE_REGISTRATIONS".' })
  measure!: string;

  @Column({ type: 'int', name: 'target_value' })
  @Field(() => Int, {
    description: 'Committed quantity as first recorded.',
    deprecationReason: 'The figure is the target: read target { value } (revised there, with its history) and target { status { actual progress status } }.',
  })
  targetValue!: number;

  @Column({ type: 'varchar', length: 5 })
  scope!: string;

  @Column({ type: 'int', name: 'from_year' })
  @Field(() => Int, { description: 'First year of the period the commitment is measured over.' })
  fromYear!: number;

  @Column({ type: 'text' })
  @Field({ description: 'Unit of the quantity, e.g. "registrations", "firms", "beneficiaries".' })
  unit!: string;

  @Column({ type: 'int', name: 'due_year' })
  @Field(() => Int, { description: 'Year by whose end it is due.' })
  dueYear!: number;
}
