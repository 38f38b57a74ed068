import { Field, Float, ID, InputType } from 'type-graphql';

@InputType({ description: 'An enrolment of a registered auto-entrepreneur in a programme.' })
export class EnrolmentInput {
  @Field(() => ID, { description: 'Programme code.' })
  programme!: string;

  @Field(() => ID, { description: 'The auto-entrepreneur (id of the registry); must be REGISTERED, in a region where the programme runs.' })
  autoEntrepreneur!: string;

  @Field(() => Float, { nullable: true, description: 'Amount lent, MAD: required for loan programmes (honour loans, Intelaka), refused otherwise.' })
  amount?: number | null;

  @Field(() => ID, { nullable: true, description: 'The advisor who follows this enrolment, of the same region.' })
  advisor?: string | null;
}
