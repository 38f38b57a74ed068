import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { IndicatorInput } from '../entities/inputs';
import { Catalogue } from '../write/catalogue';
import { Indicator } from '../entities/Indicator';
import { Target } from '../entities/Target';
import type { Context } from '../loaders';

@Resolver(() => Indicator)
export class IndicatorResolver {
  @Query(() => [Indicator], { description: 'The indicator catalogue (public): the indicators in use, or all of them.' })
  async indicators(
    @Ctx() { loaders }: Context,
    @Arg('includeRetired', () => Boolean, { defaultValue: false, description: 'Retired indicators too.' }) includeRetired = false,
  ): Promise<Indicator[]> {
    const all = await loaders.catalogue.load('all');
    return includeRetired ? all : all.filter((i) => !i.retiredAt);
  }

  @Mutation(() => Indicator, { description: 'Adds an indicator to the catalogue, live from the source it declares: the national office.' })
  addIndicator(
    @Arg('input', () => IndicatorInput, { description: 'The indicator.' }) input: IndicatorInput,
    @Ctx() { db, viewer }: Context,
  ): Promise<Indicator> {
    return new Catalogue(db, viewer).add(input);
  }

  @Mutation(() => Indicator, { description: 'Retires an indicator (kept, with its targets and history; it leaves the scorecards): the national office.' })
  retireIndicator(
    @Arg('code', () => ID, { description: 'Indicator code.' }) code: string,
    @Arg('reason', { description: 'Why (3 to 500 characters).' }) reason: string,
    @Ctx() { db, viewer }: Context,
  ): Promise<Indicator> {
    return new Catalogue(db, viewer).retire(code, reason);
  }

  @Query(() => Indicator, { nullable: true, description: 'One indicator by code.' })
  indicator(
    @Arg('code', () => ID, { description: 'Indicator code, e.g. "AE_REGISTRATIONS".' }) code: string,
    @Ctx() { loaders }: Context,
  ): Promise<Indicator | null> {
    return loaders.indicator.load(code);
  }

  @FieldResolver(() => [Target], { description: 'Targets set for this indicator, national and regional.' })
  targets(@Root() indicator: Indicator, @Ctx() { db }: Context): Promise<Target[]> {
    return db.getRepository(Target).find({ where: { indicatorCode: indicator.code }, order: { fromYear: 'ASC', id: 'ASC' } });
  }
}

export const indicatorReference = async (reference: { code: string }, { loaders }: Context) => loaders.indicator.load(reference.code);
