import { Ctx, Query, Resolver } from 'type-graphql';
import { Activity } from '../entities/Activity';
import type { Context } from '../loaders';

@Resolver(() => Activity)
export class ActivityResolver {
  @Query(() => [Activity], { description: 'The nomenclature of eligible activities, by code.' })
  activities(@Ctx() { db }: Context): Promise<Activity[]> {
    return db.getRepository(Activity).find({ order: { code: 'ASC' } });
  }
}
