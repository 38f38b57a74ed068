import { Arg, Ctx, Field, FieldResolver, Float, ID, InputType, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { regionArg } from '@moukawil/kit/domain';
import { Assessment } from '../entities/Assessment';
import { Region } from '../foreign';
import { Target } from '../entities/Target';
import { TargetRevision } from '../entities/TargetRevision';
import { IndicatorStatus } from '../entities/IndicatorStatus';
import { NATIONAL, type Context } from '../loaders';
import { statusFromKey } from '../read/scorecards';
import { Monitoring } from '../write/monitoring';

@InputType({ description: 'A new target for an indicator, national or regional, over a period of whole years.' })
export class TargetInput {
  @Field(() => ID, { description: 'Indicator code.' })
  indicator!: string;

  @Field(() => ID, { nullable: true, description: 'Region code; omit for a national target.' })
  region?: string | null;

  @Field(() => Int, { description: 'First year of the period.' })
  fromYear!: number;

  @Field(() => Int, { description: 'Last year: the target is due by its end.' })
  toYear!: number;

  @Field(() => Float, { description: "Target value in the indicator's unit." })
  value!: number;

  @Field({ description: 'Who set it and where, e.g. "Convention CCIS Fès-Meknès / ANPME".' })
  source!: string;
}

@InputType({ description: 'A qualitative assessment: a rating from 1 (poor) to 5 (excellent) with a comment.' })
export class AssessmentInput {
  @Field(() => ID, { description: 'Code of a QUALITATIVE indicator, e.g. "ADVISOR_SUPPORT_QUALITY".' })
  indicator!: string;

  @Field(() => ID, { description: 'Region assessed.' })
  region!: string;

  @Field(() => Int, { description: 'Year assessed.' })
  year!: number;

  @Field(() => Int, { description: 'Rating, 1 to 5.' })
  rating!: number;

  @Field({ description: 'What supports the rating (3 to 2,000 characters).' })
  comment!: string;
}

@Resolver(() => Target)
export class TargetResolver {
  @FieldResolver(() => ID, {
    description:
      '"MA" for a national target, else its region code: with the indicator and the period, what names a target across the graph (a convention\'s commitment refers to it so).',
  })
  scope(@Root() target: Target): string {
    return target.regionCode ?? NATIONAL;
  }

  @FieldResolver(() => IndicatorStatus, { description: 'Where the target stands now: the live actual over its period, the progress and the status.' })
  status(@Root() target: Target, @Ctx() context: Context): Promise<IndicatorStatus> {
    return statusFromKey(
      { indicatorCode: target.indicatorCode, scope: target.regionCode ?? NATIONAL, fromYear: target.fromYear, toYear: target.toYear } as IndicatorStatus,
      context,
    );
  }

  @FieldResolver(() => Region, { nullable: true, description: 'The region; null for a national target.' })
  region(@Root() target: Target): Region | null {
    return target.regionCode ? { code: target.regionCode } : null;
  }

  @FieldResolver(() => [TargetRevision], { description: 'Every value the target has had, oldest first.' })
  revisions(@Root() target: Target, @Ctx() { loaders }: Context): Promise<TargetRevision[]> {
    return loaders.revisions.load(target.id);
  }

  @Mutation(() => Target, { description: "Sets a new target. The national office sets any; a regional council its region's." })
  setTarget(@Arg('input', () => TargetInput, { description: 'The target.' }) input: TargetInput, @Ctx() { db, viewer }: Context): Promise<Target> {
    return new Monitoring(db, viewer).setTarget(input);
  }

  @Mutation(() => Target, { description: "Revises a target's value, with a reason; the revision history keeps every value." })
  reviseTarget(
    @Arg('id', () => ID, { description: 'Target id.' }) id: string,
    @Arg('value', () => Float, { description: 'The new value.' }) value: number,
    @Arg('reason', { description: 'Why (3 to 500 characters).' }) reason: string,
    @Ctx() { db, viewer }: Context,
  ): Promise<Target> {
    return new Monitoring(db, viewer).reviseTarget(Number(id), value, reason);
  }
}

@Resolver(() => Assessment)
export class AssessmentResolver {
  @Query(() => [Assessment], { description: 'Qualitative assessments, filtered by indicator, region and year (public).' })
  assessments(
    @Ctx() { db }: Context,
    @Arg('indicator', () => ID, { nullable: true, description: 'Only this indicator.' }) indicator?: string | null,
    @Arg('region', () => ID, { nullable: true, description: 'Only this region.' }) region?: string | null,
    @Arg('year', () => Int, { nullable: true, description: 'Only this year.' }) year?: number | null,
  ): Promise<Assessment[]> {
    return db.getRepository(Assessment).find({
      where: { ...(indicator ? { indicatorCode: indicator } : {}), ...(region ? { regionCode: regionArg(region) } : {}), ...(year ? { year } : {}) },
      order: { at: 'ASC', id: 'ASC' },
    });
  }

  @FieldResolver(() => Region, { description: 'The region assessed.' })
  region(@Root() assessment: Assessment): Region {
    return { code: assessment.regionCode };
  }

  @Mutation(() => Assessment, { description: 'Records a qualitative assessment of a region (council, advisors of the region, national office).' })
  recordAssessment(
    @Arg('input', () => AssessmentInput, { description: 'The assessment.' }) input: AssessmentInput,
    @Ctx() { db, viewer }: Context,
  ): Promise<Assessment> {
    return new Monitoring(db, viewer).recordAssessment(input);
  }
}

/** A target reached by its key (a commitment's `target`): indicator, scope and period. */
export async function targetReference(
  key: { indicatorCode: string; scope: string; fromYear: number; toYear: number },
  { loaders }: Context,
): Promise<Target | null> {
  const targets = await loaders.targetsOfScope.load(key.scope);
  return targets.find((t) => t.indicatorCode === key.indicatorCode && t.fromYear === key.fromYear && t.toYear === key.toYear) ?? null;
}
