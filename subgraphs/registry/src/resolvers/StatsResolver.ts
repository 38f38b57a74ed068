import { Arg, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import { scopeArg } from '@moukawil/kit/domain';
import { optionalYearArg, periodsArg } from '@moukawil/kit/subgraph';
import { IndicatorStatus, Region, Scorecard } from '../foreign';
import { RegistrationStats, RegistryFigures, StatsBreakdown, YearFigures } from '../entities/RegistrationStats';
import { cellsKey, type Context } from '../loaders';
import { breakdown, NATIONAL, summarize, womenShare, type Cell, type Figures } from '../read/stats';

function toStats(region: string | null, year: number | null, cells: Cell[]): RegistrationStats {
  const figures = summarize(cells);
  return Object.assign(figures, { region, year, womenShare: womenShare(figures), cells });
}

@Resolver(() => RegistrationStats)
export class RegistrationStatsResolver {
  @FieldResolver(() => [StatsBreakdown], { description: 'The same figures by population segment (target groups of the sources).' })
  bySegment(@Root() stats: RegistrationStats): StatsBreakdown[] {
    return breakdown(stats.cells, 'segment');
  }

  @FieldResolver(() => [StatsBreakdown], { description: 'The same figures by activity category (commercial, industrial, artisanal, services).' })
  byActivityCategory(@Root() stats: RegistrationStats): StatsBreakdown[] {
    return breakdown(stats.cells, 'category');
  }

  @FieldResolver(() => [StatsBreakdown], { description: 'The same figures by gender.' })
  byGender(@Root() stats: RegistrationStats): StatsBreakdown[] {
    return breakdown(stats.cells, 'gender');
  }
}

@Resolver(() => Region)
export class RegionStatsResolver {
  @FieldResolver(() => RegistrationStats, {
    nullable: true,
    description: 'Register figures of the region for a year, or all years (public aggregate). From the registry subgraph.',
  })
  async registrationStats(
    @Root() region: Region,
    @Ctx() { loaders }: Context,
    @Arg('year', () => Int, { nullable: true, description: 'The year; all years when omitted.' }) year?: number | null,
  ): Promise<RegistrationStats> {
    const y = optionalYearArg(year);
    return toStats(region.code, y, await loaders.cells.load(cellsKey(region.code, y, y)));
  }

  @FieldResolver(() => [YearFigures], {
    nullable: true,
    description: 'Applications and registrations of the region year by year, since its first application (public aggregate). From the registry subgraph.',
  })
  registrationsByYear(@Root() region: Region, @Ctx() { loaders }: Context): Promise<YearFigures[]> {
    return loaders.years.load(region.code);
  }
}

@Resolver()
export class NationalStatsResolver {
  @Query(() => RegistrationStats, { description: 'National register figures for a year, or all years (public aggregate); always the sum of the 12 regions.' })
  async nationalStats(
    @Ctx() { loaders }: Context,
    @Arg('year', () => Int, { nullable: true, description: 'The year; all years when omitted.' }) year?: number | null,
  ): Promise<RegistrationStats> {
    const y = optionalYearArg(year);
    return toStats(null, y, await loaders.cells.load(cellsKey(NATIONAL, y, y)));
  }

  @Query(() => [YearFigures], { description: 'National applications and registrations year by year, since the register opened (public aggregate).' })
  registrationsByYear(@Ctx() { loaders }: Context): Promise<YearFigures[]> {
    return loaders.years.load(NATIONAL);
  }
}

/** Register figures of a scope over [fromYear, toYear], summed once per request whoever asks. */
async function figuresOf(scope: string, fromYear: number, toYear: number, { loaders }: Context): Promise<Figures & { fromYear: number; toYear: number }> {
  return Object.assign(await loaders.figures.load(cellsKey(scope, fromYear, toYear)), { fromYear, toYear });
}

@Resolver(() => IndicatorStatus)
export class IndicatorFiguresResolver {
  @FieldResolver(() => RegistryFigures, {
    nullable: true,
    description: "Register figures over the status's scope and period: what the indicators subgraph computes registration actuals from.",
  })
  registryFigures(@Root() status: IndicatorStatus, @Ctx() context: Context): Promise<Figures> {
    return figuresOf(status.scope, status.fromYear, status.toYear, context);
  }
}

@Resolver(() => Scorecard)
export class ScorecardFiguresResolver {
  @FieldResolver(() => [RegistryFigures], {
    nullable: true,
    description: 'Register figures over each period of the scorecard: what the indicators subgraph computes registration actuals from.',
  })
  registryFigures(@Root() card: Scorecard, @Ctx() context: Context): Promise<Figures[]> {
    const scope = scopeArg(card.scope);
    return Promise.all(periodsArg(card.periods).map(([from, to]) => figuresOf(scope, from, to, context)));
  }
}
