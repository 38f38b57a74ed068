import { Field, ID, InputType } from 'type-graphql';
import { connectionType } from '@moukawil/kit/subgraph';
import { AutoEntrepreneur } from './AutoEntrepreneur';
import { Gender, PopulationSegment } from './enums';

@InputType({ description: "An application to the national register (demande d'inscription au RNAE)." })
export class ApplicationInput {
  @Field({ description: 'Full name as on the national ID card.' })
  fullName!: string;

  @Field({ description: 'National ID (CIN): one or two letters then digits, e.g. "JB123456".' })
  nationalId!: string;

  @Field(() => Gender, { description: 'Gender.' })
  gender!: Gender;

  @Field({ description: 'Birth date, ISO (YYYY-MM-DD); the applicant must be 18 or older.' })
  birthDate!: string;

  @Field(() => ID, { description: 'Region of activity, MA-01 … MA-12.' })
  region!: string;

  @Field(() => ID, { nullable: true, description: 'Prefecture or province of activity, in the region (e.g. "MA-09-AGD"); see Region.provinces.' })
  province?: string | null;

  @Field({ description: 'Activity code, one of Query.activities.' })
  activityCode!: string;

  @Field(() => String, { nullable: true, description: 'Moroccan phone number, e.g. "0612345678".' })
  phone?: string | null;

  @Field(() => PopulationSegment, { nullable: true, description: 'Target group; OTHER when not given.' })
  segment?: PopulationSegment | null;
}

@InputType({ description: 'Personal details to rectify (droit de rectification, law 09-08); fields left out keep their value, an empty address removes it.' })
export class PersonalDetailsInput {
  @Field(() => String, { nullable: true, description: 'Full name as on the national ID card.' })
  fullName?: string | null;

  @Field(() => String, { nullable: true, description: 'Moroccan phone number.' })
  phone?: string | null;

  @Field(() => String, { nullable: true, description: 'Postal address (5 to 300 characters).' })
  address?: string | null;
}

export const AutoEntrepreneurConnection = connectionType(AutoEntrepreneur, 'AutoEntrepreneur', 'auto-entrepreneur', 'auto-entrepreneurs');
export type AutoEntrepreneurConnection = InstanceType<typeof AutoEntrepreneurConnection>;
