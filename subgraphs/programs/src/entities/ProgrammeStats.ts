import { Field, Float, Int, ObjectType } from 'type-graphql';
import { Programme } from './Programme';
import { Region } from '../foreign';

@ObjectType({
  description: 'Beneficiaries of a programme (in a region, or everywhere it runs) among the enrolments of a year, or of all years. Public aggregate.',
})
export class ProgrammeStats {
  @Field(() => Programme, { description: 'The programme.' })
  programme!: Programme;

  @Field(() => Region, { nullable: true, description: 'The region; null when the figures cover every region of the programme.' })
  region!: Region | null;

  @Field(() => Int, { nullable: true, description: 'Year of enrolment counted; null for all years.' })
  year!: number | null;

  @Field(() => Int, { description: 'Enrolments still at the application stage.' })
  applied!: number;

  @Field(() => Int, { description: 'Accepted, support not started.' })
  accepted!: number;

  @Field(() => Int, { description: 'Being supported.' })
  active!: number;

  @Field(() => Int, { description: 'Support completed.' })
  completed!: number;

  @Field(() => Int, { description: 'Dropped out or not accepted.' })
  dropped!: number;

  @Field(() => Int, { description: 'Beneficiaries: accepted, active or completed.' })
  beneficiaries!: number;

  @Field(() => Int, { description: 'Women among the beneficiaries.' })
  women!: number;

  @Field(() => Float, { description: 'Women / beneficiaries, 0..1 (0 without beneficiaries).' })
  womenShare!: number;

  @Field(() => Float, { description: 'Amounts lent (loans), MAD.' })
  amountLent!: number;

  @Field(() => Float, { description: 'Amounts repaid so far (honour loans), MAD.' })
  amountRepaid!: number;
}
