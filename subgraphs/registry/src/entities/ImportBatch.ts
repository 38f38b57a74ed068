import { Field, InputType, Int, ObjectType } from 'type-graphql';

@InputType({ description: 'A row of an import file, its cells as they are in the file (checked by the register as a file import checks them).' })
export class ImportRowInput {
  @Field(() => Int, { description: 'Its line in the file (the header is line 1), named in the refusals.' })
  line!: number;

  @Field({ nullable: true, description: 'Full name as on the national ID card.' })
  fullName?: string;

  @Field({ nullable: true, description: 'National ID (CIN).' })
  nationalId?: string;

  @Field({ nullable: true, description: 'FEMALE or MALE.' })
  gender?: string;

  @Field({ nullable: true, description: 'Birth date, ISO (YYYY-MM-DD).' })
  birthDate?: string;

  @Field({ nullable: true, description: 'Region code (MA-01 … MA-12).' })
  region?: string;

  @Field({ nullable: true, description: 'Activity code of the official list.' })
  activityCode?: string;

  @Field({ nullable: true, description: 'Prefecture or province code.' })
  province?: string;

  @Field({ nullable: true, description: 'Phone.' })
  phone?: string;

  @Field({ nullable: true, description: 'Population segment.' })
  segment?: string;

  @Field({ nullable: true, description: 'When the application was filed (ISO 8601); now when empty.' })
  submittedAt?: string;
}

@ObjectType({ description: 'A row of an import refused, and why.' })
export class ImportRejection {
  @Field(() => Int, { description: 'Its line in the file.' })
  line!: number;

  @Field({ description: 'Why, naming the column (e.g. "birthDate: the applicant must be 18 or older").' })
  reason!: string;
}

@ObjectType({ description: 'What a batch of an import did.' })
export class ImportBatchResult {
  @Field(() => Int, { description: 'Applications written (status SUBMITTED).' })
  imported!: number;

  @Field(() => Int, { description: 'Rows imported already by an earlier run (the same row, the same key): nothing written again.' })
  alreadyImported!: number;

  @Field(() => [ImportRejection], { description: 'Rows refused, by line.' })
  rejected!: ImportRejection[];
}
