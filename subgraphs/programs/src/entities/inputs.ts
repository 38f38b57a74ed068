import { Field, Float, ID, InputType, Int } from 'type-graphql';
import { EventKind, FollowUpKind, ProgrammeKind, ProgrammeScope } from './enums';

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

@InputType({ description: 'A new advisor of the network.' })
export class AdvisorInput {
  @Field({ description: 'Full name (2 to 120 characters).' })
  fullName!: string;

  @Field(() => ID, { description: 'Region where the advisor works: a council registers advisors of its own region.' })
  region!: string;

  @Field(() => ID, { nullable: true, description: 'Partner the advisor works with, e.g. "CCIS-09".' })
  partner?: string | null;
}

@InputType({ description: 'A training workshop held for advisors, and the advisors it trained.' })
export class WorkshopInput {
  @Field(() => ID, { description: 'Region where it was held.' })
  region!: string;

  @Field({ description: 'Day it was held (ISO date, not in the future).' })
  heldOn!: string;

  @Field({ description: 'Where (town, venue).' })
  place!: string;

  @Field({ description: 'Who ran it (formateur).' })
  trainer!: string;

  @Field(() => ID, { nullable: true, description: 'Partner that co-organised it, e.g. "CCIS-09".' })
  partner?: string | null;

  @Field(() => String, { nullable: true, description: 'Title; by default "Atelier de formation des conseillers — <place>".' })
  title?: string | null;

  @Field(() => [ID], { description: 'The advisors trained: active advisors of the region, at least one.' })
  advisors!: string[];
}

@InputType({ description: 'An awareness event or a council session held with local partners.' })
export class EventInput {
  @Field(() => EventKind, { description: 'AWARENESS or COUNCIL_SENSITISATION (a workshop is recorded with recordWorkshop).' })
  kind!: EventKind;

  @Field(() => ID, { description: 'Region where it was held.' })
  region!: string;

  @Field({ description: 'Day it was held (ISO date, not in the future).' })
  heldOn!: string;

  @Field({ description: 'Title (3 to 200 characters).' })
  title!: string;

  @Field({ description: 'Where (town, venue).' })
  place!: string;

  @Field(() => ID, { nullable: true, description: 'Partner that co-organised it, e.g. "CCIS-09".' })
  partner?: string | null;

  @Field(() => Int, { description: 'Women among the participants.' })
  women!: number;

  @Field(() => Int, { description: 'Men among the participants.' })
  men!: number;
}

@InputType({ description: 'What to correct in a recorded event; fields left out keep their value.' })
export class EventCorrection {
  @Field(() => String, { nullable: true, description: 'Title.' })
  title?: string | null;

  @Field(() => String, { nullable: true, description: 'Day it was held (ISO date).' })
  heldOn?: string | null;

  @Field(() => String, { nullable: true, description: 'Where.' })
  place?: string | null;

  @Field(() => ID, { nullable: true, description: 'Partner.' })
  partner?: string | null;

  @Field(() => Int, { nullable: true, description: 'Women among the participants.' })
  women?: number | null;

  @Field(() => Int, { nullable: true, description: 'Men among the participants.' })
  men?: number | null;
}

@InputType({ description: 'A follow-up contact with a beneficiary.' })
export class FollowUpInput {
  @Field({ description: 'Day of the contact (ISO date, from the enrolment to today).' })
  on!: string;

  @Field(() => FollowUpKind, { description: 'How the contact was made.' })
  kind!: FollowUpKind;

  @Field({ description: 'What was discussed and agreed (3 to 2,000 characters).' })
  notes!: string;
}

@InputType({ description: 'A new programme (support offer).' })
export class ProgrammeInput {
  @Field(() => ID, { description: 'Stable code: capitals, digits and dashes, e.g. "MA-09-HONOUR-LOAN-2027".' })
  code!: string;

  @Field({ description: 'Name, in French as users know it.' })
  name!: string;

  @Field({ description: 'What the programme offers and to whom.' })
  description!: string;

  @Field(() => ProgrammeKind, { description: 'Kind of support.' })
  kind!: ProgrammeKind;

  @Field(() => String, { nullable: true, description: 'Sector for trade-specific offers, e.g. "RENEWABLE_ENERGY".' })
  sector?: string | null;

  @Field({ description: 'Who runs it.' })
  operator!: string;

  @Field(() => [ID], { description: 'Regions where it runs (at least one).' })
  regions!: string[];

  @Field(() => Int, { description: 'First year.' })
  startYear!: number;

  @Field(() => Int, { nullable: true, description: 'Last year, or null when open-ended.' })
  endYear?: number | null;

  @Field(() => Float, { nullable: true, description: 'Largest amount per beneficiary for loans, MAD: required for loan programmes.' })
  maxAmount?: number | null;

  @Field(() => Float, { nullable: true, description: 'Budget, MAD.' })
  budget?: number | null;

  @Field({ description: "Who may apply (conditions d'éligibilité)." })
  eligibility!: string;

  @Field(() => ProgrammeScope, { description: 'Rural areas, urban areas, or both.' })
  scope!: ProgrammeScope;

  @Field(() => ID, { nullable: true, description: 'Partner that co-runs it.' })
  partner?: string | null;

  @Field({ description: 'Where the decision comes from (convention, circular…).' })
  source!: string;
}

@InputType({
  description:
    'What to change in a programme; fields left out keep their value. Regions and period change with openProgrammeIn, closeProgrammeIn and closeProgramme.',
})
export class ProgrammeEdit {
  @Field(() => String, { nullable: true, description: 'Name.' })
  name?: string | null;

  @Field(() => String, { nullable: true, description: 'Description.' })
  description?: string | null;

  @Field(() => String, { nullable: true, description: 'Who runs it.' })
  operator?: string | null;

  @Field(() => Float, { nullable: true, description: 'Largest amount per beneficiary, MAD.' })
  maxAmount?: number | null;

  @Field(() => Float, { nullable: true, description: 'Budget, MAD.' })
  budget?: number | null;

  @Field(() => String, { nullable: true, description: 'Eligibility.' })
  eligibility?: string | null;

  @Field(() => String, { nullable: true, description: 'Source.' })
  source?: string | null;
}
