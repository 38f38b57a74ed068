import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { scopeArg } from '@moukawil/kit/domain';
import { periodsArg } from '@moukawil/kit/subgraph';
import { ProgrammeFigures } from '../entities/ProgrammeFigures';
import { IndicatorStatus, Scorecard } from '../foreign';
import type { Context } from '../loaders';

@Resolver(() => IndicatorStatus)
export class IndicatorFiguresResolver {
  @FieldResolver(() => ProgrammeFigures, {
    nullable: true,
    description: "Programme, network and event figures over the status's scope and period: what the indicators subgraph computes support actuals from.",
  })
  programmeFigures(@Root() status: IndicatorStatus, @Ctx() context: Context): Promise<ProgrammeFigures> {
    return figuresOf(status.scope, status.fromYear, status.toYear, context);
  }
}

@Resolver(() => Scorecard)
export class ScorecardFiguresResolver {
  @FieldResolver(() => [ProgrammeFigures], {
    nullable: true,
    description: 'Programme, network and event figures over each period of the scorecard: what the indicators subgraph computes support actuals from.',
  })
  programmeFigures(@Root() card: Scorecard, @Ctx() context: Context): Promise<ProgrammeFigures[]> {
    const scope = scopeArg(card.scope);
    return Promise.all(periodsArg(card.periods).map(([from, to]) => figuresOf(scope, from, to, context)));
  }
}

/** Programme figures of a scope over [fromYear, toYear], computed once per period and request whoever asks. */
async function figuresOf(scope: string, fromYear: number, toYear: number, { loaders }: Context): Promise<ProgrammeFigures> {
  return { ...(await loaders.indicatorFigures.load(`${scope}|${fromYear}|${toYear}`)), fromYear, toYear };
}
