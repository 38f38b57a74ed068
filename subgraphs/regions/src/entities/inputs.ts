import { Field, ID, InputType, Int } from 'type-graphql';
import { ConventionKind } from './Convention';
import { PartnerKind } from './Partner';

@InputType({ description: 'A new partner organisation.' })
export class PartnerInput {
  @Field(() => ID, { description: 'Stable code: capitals, digits and dashes, e.g. "ASSO-TAFILALET".' })
  code!: string;

  @Field({ description: 'Name (2 to 200 characters).' })
  name!: string;

  @Field(() => PartnerKind, { description: 'Kind of organisation.' })
  kind!: PartnerKind;

  @Field(() => ID, { nullable: true, description: 'Its region; none for a national partner (national office only).' })
  region?: string | null;
}

@InputType({ description: 'A new partnership convention or agreement.' })
export class ConventionInput {
  @Field(() => ID, { description: 'Stable reference: capitals, digits and dashes, e.g. "CONV-CR-08-2027".' })
  code!: string;

  @Field({ description: 'Title (3 to 300 characters).' })
  title!: string;

  @Field(() => ConventionKind, { description: 'Kind of agreement.' })
  kind!: ConventionKind;

  @Field(() => ID, { nullable: true, description: 'The region it covers; none for a national agreement (national office only).' })
  region?: string | null;

  @Field({ description: 'What it is about (3 to 2,000 characters).' })
  summary!: string;

  @Field({ description: 'Where the facts come from.' })
  source!: string;

  @Field(() => [ID], { description: 'The signing parties: partner codes (at least one).' })
  parties!: string[];

  @Field(() => Int, { nullable: true, description: 'Year it was signed: the convention is then SIGNED, else PLANNED (sign it later with signConvention).' })
  signedYear?: number | null;
}

@InputType({ description: 'A quantified commitment of a convention, measured by an indicator target of the same scope and period.' })
export class CommitmentInput {
  @Field(() => ID, { description: 'Its key within the convention, e.g. "AE-2027": the commitment code is "<convention>/<key>".' })
  key!: string;

  @Field({ description: 'What is committed, in words.' })
  label!: string;

  @Field(() => ID, { description: 'The indicator that measures it, e.g. "AE_REGISTRATIONS".' })
  indicator!: string;

  @Field(() => Int, { description: 'First year of the period.' })
  fromYear!: number;

  @Field(() => Int, { description: 'Year by whose end it is due.' })
  dueYear!: number;

  @Field({ description: 'Unit of the quantity, e.g. "registrations".' })
  unit!: string;
}
