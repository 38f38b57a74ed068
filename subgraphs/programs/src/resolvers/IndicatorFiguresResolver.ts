import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { IndicatorStatus, ProgrammeFigures } from '../entities/IndicatorStatus';
import type { Context } from '../loaders';

@Resolver(() => IndicatorStatus)
export class IndicatorFiguresResolver {
  @FieldResolver(() => ProgrammeFigures, { nullable: true, description: "Programme, network and event figures over the status's scope and period: what the indicators subgraph computes support actuals from." })
  programmeFigures(@Root() status: IndicatorStatus, @Ctx() { loaders }: Context): Promise<ProgrammeFigures> {
    return loaders.indicatorFigures.load(`${status.scope}|${status.fromYear}|${status.toYear}`);
  }
}
