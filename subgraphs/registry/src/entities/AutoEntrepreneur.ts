import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { ActivityCategory, Gender, PopulationSegment, RegistrationStatus, StrikeOffReason } from './enums';

/**
 * A person in the national register. Personal fields (name, CIN, phone, birth date) are
 * resolved by AutoEntrepreneurResolver, which applies the access policy on every path.
 */
@Entity('auto_entrepreneur')
@ObjectType({
  description:
    "An auto-entrepreneur: an application to, or a registration in, the national register (RNAE). Names, CIN, phone and birth date are personal data (law 09-08): only the region's council (CIN masked), its advisors and the national office read them.",
})
@Directive('@key(fields: "id")')
export class AutoEntrepreneur {
  @PrimaryColumn({ type: 'uuid' })
  @Field(() => ID, { description: 'Stable identifier (UUID).' })
  id!: string;

  @Column({ type: 'varchar', length: 24, name: 'registration_number', nullable: true, unique: true })
  @Field(() => String, { nullable: true, description: 'RNAE registration number, given at registration, e.g. "RNAE-2019-09-004213".' })
  registrationNumber!: string | null;

  @Column({ type: 'varchar', length: 12 })
  @Field(() => RegistrationStatus, { description: 'Where the application stands.' })
  status!: RegistrationStatus;

  @Column({ type: 'text', name: 'full_name' })
  fullName!: string;

  @Column({ type: 'varchar', length: 12, name: 'national_id' })
  nationalId!: string;

  @Column({ type: 'varchar', length: 6 })
  @Field(() => Gender, { description: 'Gender as declared.' })
  gender!: Gender;

  @Column({ type: 'date', name: 'birth_date' })
  birthDate!: string;

  @Column({ type: 'varchar', length: 16, nullable: true })
  phone!: string | null;

  @Column({ type: 'text', nullable: true })
  address!: string | null;

  @Column({ type: 'varchar', length: 24 })
  @Field(() => PopulationSegment, { description: 'Target group the applicant belongs to.' })
  segment!: PopulationSegment;

  @Column({ type: 'varchar', length: 5, name: 'region_code' })
  regionCode!: string;

  @Column({ type: 'varchar', length: 12, name: 'province_code', nullable: true })
  provinceCode!: string | null;

  @Column({ type: 'varchar', length: 10, name: 'activity_code' })
  activityCode!: string;

  @Column({ type: 'varchar', length: 12, name: 'activity_category' })
  @Field(() => ActivityCategory, { description: 'Category of the activity (sets the ceiling and the tax rate).' })
  activityCategory!: ActivityCategory;

  @Column({ type: 'timestamptz', name: 'submitted_at' })
  @Field({ description: 'When the application was filed.' })
  submittedAt!: Date;

  @Column({ type: 'timestamptz', name: 'registered_at', nullable: true })
  @Field(() => Date, { nullable: true, description: 'When it was registered in the RNAE.' })
  registeredAt!: Date | null;

  @Column({ type: 'timestamptz', name: 'rejected_at', nullable: true })
  @Field(() => Date, { nullable: true, description: 'When the application was rejected.' })
  rejectedAt!: Date | null;

  @Column({ type: 'text', name: 'rejection_reason', nullable: true })
  @Field(() => String, { nullable: true, description: 'Why the application was rejected.' })
  rejectionReason!: string | null;

  @Column({ type: 'timestamptz', name: 'struck_off_at', nullable: true })
  @Field(() => Date, { nullable: true, description: 'When it was struck off the register (radiation).' })
  struckOffAt!: Date | null;

  @Column({ type: 'varchar', length: 32, name: 'struck_off_reason', nullable: true })
  @Field(() => StrikeOffReason, { nullable: true, description: 'Legal reason of the strike-off.' })
  struckOffReason!: StrikeOffReason | null;

  @Column({ type: 'text', name: 'struck_off_note', nullable: true })
  @Field(() => String, { nullable: true, description: 'Details of the strike-off (court decision reference, request date…).' })
  struckOffNote!: string | null;

  @Column({ type: 'varchar', length: 64, name: 'import_key', nullable: true })
  importKey!: string | null;

  @Column({ type: 'timestamptz', name: 'anonymised_at', nullable: true })
  @Field(() => Date, {
    nullable: true,
    description: 'When the retention anonymised this record (struck off more than RETENTION_YEARS ago); null while its details are kept.',
  })
  anonymisedAt!: Date | null;
}
