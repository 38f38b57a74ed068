import { Ctx, Query, Resolver } from 'type-graphql';
import { Activity } from '../entities/Activity';
import type { Context } from '../loaders';

@Resolver(() => Activity)
export class ActivityResolver {
  @Query(() => [Activity], { description: 'The nomenclature of eligible activities, by code.' })
  activities(@Ctx() { db }: Context): Promise<Activity[]> {
    return db.getRepository(Activity).find({ where: { eligible: true }, order: { code: 'ASC' } });
  }

  @Query(() => [Activity], { description: 'Professions excluded from the status (decree 2-15-263): an application with one of them is refused.' })
  excludedActivities(@Ctx() { db }: Context): Promise<Activity[]> {
    return db.getRepository(Activity).find({ where: { eligible: false }, order: { code: 'ASC' } });
  }
}
