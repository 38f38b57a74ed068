import { Arg, Ctx, Directive, FieldResolver, Float, Int, Query, Resolver, Root } from 'type-graphql';
import { yearArg } from '@moukawil/kit';
import { IndicatorKind, Trend } from '../entities/enums';
import { Indicator } from '../entities/Indicator';
import { IndicatorStatus, REQUIRED_FIGURES } from '../entities/IndicatorStatus';
import { Region } from '../entities/Region';
import { Snapshot } from '../entities/Snapshot';
import { NATIONAL, type Context } from '../loaders';
import { actualOf } from '../rules/actuals';
import { averageRating, progressOf, statusOf, trendOf } from '../rules/scorecard';
import { scorecard } from '../scorecard';

const REQUIRES = `@requires(fields: "${REQUIRED_FIGURES}")`;
const keyOf = (s: IndicatorStatus) => `${s.indicatorCode}|${s.scope}|${s.fromYear}|${s.toYear}`;

/** The actual of a status: live figures for quantitative indicators, the mean rating for qualitative ones. */
async function actual(status: IndicatorStatus, { loaders }: Context): Promise<number | null> {
  const indicator = await loaders.indicator.load(status.indicatorCode);
  if (indicator?.kind === IndicatorKind.QUALITATIVE) {
    return averageRating(await loaders.assessments.load(status.indicatorCode), status.scope === NATIONAL ? null : status.scope, status.fromYear, status.toYear);
  }
  return actualOf(status.indicatorCode, status);
}

@Resolver(() => IndicatorStatus)
export class IndicatorStatusResolver {
  @Query(() => [IndicatorStatus], { description: 'National scorecard for a year: every indicator, its national target and live actual (public).' })
  nationalScorecard(@Arg('year', () => Int, { description: 'The year, 2015 or later.' }) year: number, @Ctx() context: Context): Promise<IndicatorStatus[]> {
    return scorecard(NATIONAL, yearArg(year), context);
  }

  @FieldResolver(() => Indicator, { description: 'The indicator.' })
  async indicator(@Root() status: IndicatorStatus, @Ctx() { loaders }: Context): Promise<Indicator> {
    return (await loaders.indicator.load(status.indicatorCode))!;
  }

  @FieldResolver(() => Region, { nullable: true, description: 'The region; null for the national scorecard.' })
  region(@Root() status: IndicatorStatus): Region | null {
    return status.scope === NATIONAL ? null : { code: status.scope };
  }

  @Directive(REQUIRES)
  @FieldResolver(() => Float, { nullable: true, description: 'Actual value over the period: live from the subgraph that owns the data (quantitative), or the mean rating of the assessments (qualitative); null when unknown, never a guessed 0.' })
  actual(@Root() status: IndicatorStatus, @Ctx() context: Context): Promise<number | null> {
    return actual(status, context);
  }

  @Directive(REQUIRES)
  @FieldResolver(() => Float, { nullable: true, description: 'actual / target; null without both.' })
  async progress(@Root() status: IndicatorStatus, @Ctx() context: Context): Promise<number | null> {
    return progressOf(await actual(status, context), status.target);
  }

  @Directive(REQUIRES)
  @FieldResolver(() => String, { description: 'ACHIEVED (target met); MISSED (period over, target not met); ON_TRACK (progress at least 90 % of the share of the period elapsed); AT_RISK (behind that); NO_TARGET; NO_DATA (no actual known).' })
  async status(@Root() status: IndicatorStatus, @Ctx() context: Context): Promise<string> {
    const indicator = await context.loaders.indicator.load(status.indicatorCode);
    return statusOf({ ...status, actual: await actual(status, context), direction: indicator!.direction }, new Date());
  }

  @Directive(REQUIRES)
  @FieldResolver(() => Trend, { description: 'How the actual moved since the last snapshot before today (npm run snapshot, run daily by the indicators subgraph).' })
  async trend(@Root() status: IndicatorStatus, @Ctx() context: Context): Promise<Trend> {
    const history = await context.loaders.snapshots.load(keyOf(status));
    const today = new Date().toISOString().slice(0, 10);
    return trendOf(history.filter((s) => s.day < today).at(-1)?.actual ?? null, await actual(status, context));
  }

  @FieldResolver(() => [Snapshot], { description: 'The recorded actuals of this status, oldest first (daily snapshots).' })
  history(@Root() status: IndicatorStatus, @Ctx() { loaders }: Context): Promise<Snapshot[]> {
    return loaders.snapshots.load(keyOf(status));
  }
}

@Resolver(() => Region)
export class RegionScorecardResolver {
  @FieldResolver(() => [IndicatorStatus], { nullable: true, description: 'Scorecard of the region for a year: targets of its conventions and live actuals (public). From the indicators subgraph.' })
  scorecard(@Root() region: Region, @Arg('year', () => Int, { description: 'The year, 2015 or later.' }) year: number, @Ctx() context: Context): Promise<IndicatorStatus[]> {
    return scorecard(region.code, yearArg(year), context);
  }
}
