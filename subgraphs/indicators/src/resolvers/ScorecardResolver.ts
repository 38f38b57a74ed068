import { Arg, Ctx, Directive, FieldResolver, Float, Int, Query, Resolver, Root } from 'type-graphql';
import { Indicator } from '../entities/Indicator';
import { IndicatorStatus, REGISTRY_FIGURES } from '../entities/IndicatorStatus';
import { Region } from '../entities/Region';
import { NATIONAL, type Context } from '../loaders';
import { actualOf } from '../rules/actuals';
import { progressOf, statusOf } from '../rules/scorecard';
import { scorecard, yearArg } from '../scorecard';

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

  @Directive(`@requires(fields: "${REGISTRY_FIGURES}")`)
  @FieldResolver(() => Float, { nullable: true, description: 'Actual value over the period, live from the owning subgraph; null when unknown (no live source yet, or the source did not answer), never a guessed 0.' })
  actual(@Root() status: IndicatorStatus): number | null {
    return actualOf(status.indicatorCode, status.registryFigures);
  }

  @Directive(`@requires(fields: "${REGISTRY_FIGURES}")`)
  @FieldResolver(() => Float, { nullable: true, description: 'actual / target; null without both.' })
  progress(@Root() status: IndicatorStatus): number | null {
    return progressOf(actualOf(status.indicatorCode, status.registryFigures), status.target);
  }

  @Directive(`@requires(fields: "${REGISTRY_FIGURES}")`)
  @FieldResolver(() => String, { description: 'ACHIEVED, ON_TRACK (progress keeps up with the time elapsed), AT_RISK, MISSED (period over), NO_TARGET or NO_DATA (no live actual).' })
  async status(@Root() status: IndicatorStatus, @Ctx() { loaders }: Context): Promise<string> {
    const indicator = await loaders.indicator.load(status.indicatorCode);
    return statusOf({ ...status, actual: actualOf(status.indicatorCode, status.registryFigures), direction: indicator!.direction }, new Date());
  }
}

@Resolver(() => Region)
export class RegionScorecardResolver {
  @FieldResolver(() => [IndicatorStatus], { nullable: true, description: 'Scorecard of the region for a year: targets of its conventions and live actuals (public). From the indicators subgraph.' })
  scorecard(@Root() region: Region, @Arg('year', () => Int, { description: 'The year, 2015 or later.' }) year: number, @Ctx() context: Context): Promise<IndicatorStatus[]> {
    return scorecard(region.code, yearArg(year), context);
  }
}
