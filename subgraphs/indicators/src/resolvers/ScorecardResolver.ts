import { Arg, Ctx, Directive, FieldResolver, Float, ID, Int, Query, Resolver, Root } from 'type-graphql';
import { REGION_CODES, scopeArg } from '@moukawil/kit/domain';
import { yearArg } from '@moukawil/kit/subgraph';
import { Trend } from '../entities/enums';
import { Indicator } from '../entities/Indicator';
import { IndicatorStatus, REQUIRED_FIGURES, SCORECARD_FIGURES } from '../entities/IndicatorStatus';
import { Region } from '../foreign';
import { Scorecard, ScorecardStatus } from '../entities/Scorecard';
import { Snapshot } from '../entities/Snapshot';
import { NATIONAL, type Context } from '../loaders';
import { progressOf, statusOf, trendOf } from '../rules/scorecard';
import { liveActual, scorecard, scorecardOf, statusesOf } from '../read/scorecards';

const REQUIRES = `@requires(fields: "${REQUIRED_FIGURES}")`;
const DEPRECATED = (replacement: string) =>
  `@deprecated(reason: "Use ${replacement} { statuses { … } }: one Scorecard entity per scope instead of one IndicatorStatus entity per indicator, same values.")`;

type StatusLike = { indicatorCode: string; scope: string; fromYear: number; toYear: number };
const keyOf = (s: StatusLike) => `${s.indicatorCode}|${s.scope}|${s.fromYear}|${s.toYear}`;

/** How the actual moved since the last snapshot before today. */
async function trend(status: StatusLike, actual: number | null, { loaders }: Context): Promise<Trend> {
  const history = await loaders.snapshots.load(keyOf(status));
  const today = new Date().toISOString().slice(0, 10);
  return trendOf(history.filter((s) => s.day < today).at(-1)?.actual ?? null, actual);
}

@Resolver(() => Scorecard)
export class ScorecardResolver {
  @Query(() => Scorecard, { nullable: true, description: 'National scorecard for a year: every indicator, its national target and live actual (public).' })
  nationalScorecardFor(@Arg('year', () => Int, { description: 'The year, 2015 or later.' }) year: number, @Ctx() context: Context): Promise<Scorecard> {
    return scorecardOf(NATIONAL, yearArg(year), context);
  }

  @Query(() => [Scorecard], {
    nullable: true,
    description:
      "The scorecards of a year: the nation's first, then the 12 regions' in code order (or only the scopes asked for). The national dashboard asks for all of them at once (public).",
  })
  scorecards(
    @Arg('year', () => Int, { description: 'The year, 2015 or later.' }) year: number,
    @Ctx() context: Context,
    @Arg('scopes', () => [ID], { nullable: true, description: '"MA" (the nation) and region codes; all 13 when omitted.' }) scopes?: string[] | null,
  ): Promise<Scorecard[]> {
    const wanted = scopes ? [...new Set(scopes.map((scope) => scopeArg(scope, 'scopes')))] : [NATIONAL, ...REGION_CODES];
    return Promise.all(wanted.map((scope) => scorecardOf(scope, yearArg(year), context)));
  }

  @FieldResolver(() => Region, { nullable: true, description: 'The region; null for the national scorecard.' })
  region(@Root() card: Scorecard): Region | null {
    return card.scope === NATIONAL ? null : { code: card.scope };
  }

  @Directive(`@requires(fields: "${SCORECARD_FIGURES}")`)
  @FieldResolver(() => [ScorecardStatus], { description: 'One status per indicator of the catalogue, in code order.' })
  statuses(@Root() card: Scorecard, @Ctx() context: Context): Promise<ScorecardStatus[]> {
    return statusesOf(card, context);
  }
}

@Resolver(() => ScorecardStatus)
export class ScorecardStatusResolver {
  @FieldResolver(() => [Snapshot], { description: 'The recorded actuals of this status, oldest first: daily snapshots, the latest 366.' })
  history(@Root() status: ScorecardStatus, @Ctx() { loaders }: Context): Promise<Snapshot[]> {
    return loaders.snapshots.load(keyOf(status));
  }

  @FieldResolver(() => Trend, {
    description: 'How the actual moved since the last snapshot before today (npm run snapshot, run daily by the indicators subgraph).',
  })
  trend(@Root() status: ScorecardStatus, @Ctx() context: Context): Promise<Trend> {
    return trend(status, status.actual, context);
  }
}

/** The statuses of the deprecated per-indicator scorecards (one entity each): kept answering for clients that have not moved yet. */
@Resolver(() => IndicatorStatus)
export class IndicatorStatusResolver {
  @FieldResolver(() => Indicator, { description: 'The indicator.' })
  async indicator(@Root() status: IndicatorStatus, @Ctx() { loaders }: Context): Promise<Indicator> {
    return (await loaders.indicator.load(status.indicatorCode))!;
  }

  @FieldResolver(() => Region, { nullable: true, description: 'The region; null for the national scorecard.' })
  region(@Root() status: IndicatorStatus): Region | null {
    return status.scope === NATIONAL ? null : { code: status.scope };
  }

  @FieldResolver(() => [Snapshot], { description: 'The recorded actuals of this status, oldest first: daily snapshots, the latest 366.' })
  history(@Root() status: IndicatorStatus, @Ctx() { loaders }: Context): Promise<Snapshot[]> {
    return loaders.snapshots.load(keyOf(status));
  }

  @Directive(DEPRECATED('nationalScorecardFor(year)'))
  @Query(() => [IndicatorStatus], { description: 'National scorecard for a year, one IndicatorStatus entity per indicator (public).' })
  nationalScorecard(@Arg('year', () => Int, { description: 'The year, 2015 or later.' }) year: number, @Ctx() context: Context): Promise<IndicatorStatus[]> {
    return scorecard(NATIONAL, yearArg(year), context);
  }

  @Directive(REQUIRES)
  @FieldResolver(() => Float, {
    nullable: true,
    description:
      'Actual value over the period: live from the subgraph that owns the data (quantitative), or the mean rating of the assessments (qualitative); null when unknown, never a guessed 0.',
  })
  actual(@Root() status: IndicatorStatus, @Ctx() context: Context): Promise<number | null> {
    return liveActual(status, context);
  }

  @Directive(REQUIRES)
  @FieldResolver(() => Float, { nullable: true, description: 'actual / target; null without both.' })
  async progress(@Root() status: IndicatorStatus, @Ctx() context: Context): Promise<number | null> {
    return progressOf(await liveActual(status, context), status.target);
  }

  @Directive(REQUIRES)
  @FieldResolver(() => String, {
    description:
      'ACHIEVED (target met); MISSED (period over, target not met); ON_TRACK (progress at least 90 % of the share of the period elapsed); AT_RISK (behind that); NO_TARGET; NO_DATA (no actual known).',
  })
  async status(@Root() status: IndicatorStatus, @Ctx() context: Context): Promise<string> {
    const indicator = await context.loaders.indicator.load(status.indicatorCode);
    return statusOf({ ...status, actual: await liveActual(status, context), direction: indicator!.direction }, new Date());
  }

  @Directive(REQUIRES)
  @FieldResolver(() => Trend, {
    description: 'How the actual moved since the last snapshot before today (npm run snapshot, run daily by the indicators subgraph).',
  })
  async trend(@Root() status: IndicatorStatus, @Ctx() context: Context): Promise<Trend> {
    return trend(status, await liveActual(status, context), context);
  }
}

@Resolver(() => Region)
export class RegionScorecardResolver {
  @FieldResolver(() => Scorecard, {
    nullable: true,
    description: 'Scorecard of the region for a year: targets of its conventions and live actuals (public). From the indicators subgraph.',
  })
  scorecardFor(
    @Root() region: Region,
    @Arg('year', () => Int, { description: 'The year, 2015 or later.' }) year: number,
    @Ctx() context: Context,
  ): Promise<Scorecard> {
    return scorecardOf(region.code, yearArg(year), context);
  }

  @Directive(DEPRECATED('scorecardFor(year)'))
  @FieldResolver(() => [IndicatorStatus], {
    nullable: true,
    description: 'Scorecard of the region for a year, one IndicatorStatus entity per indicator (public). From the indicators subgraph.',
  })
  scorecard(
    @Root() region: Region,
    @Arg('year', () => Int, { description: 'The year, 2015 or later.' }) year: number,
    @Ctx() context: Context,
  ): Promise<IndicatorStatus[]> {
    return scorecard(region.code, yearArg(year), context);
  }
}
