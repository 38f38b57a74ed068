import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { Indicator } from '../entities/Indicator';
import { Target } from '../entities/Target';
import type { Context } from '../loaders';

@Resolver(() => Indicator)
export class IndicatorResolver {
  @Query(() => [Indicator], { description: 'The indicator catalogue (public).' })
  indicators(@Ctx() { loaders }: Context): Promise<Indicator[]> {
    return loaders.catalogue.load('all');
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
