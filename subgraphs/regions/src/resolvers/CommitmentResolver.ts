import { FieldResolver, Resolver, Root } from 'type-graphql';
import { Commitment } from '../entities/Convention';
import { Target } from '../foreign';

@Resolver(() => Commitment)
export class CommitmentResolver {
  @FieldResolver(() => Target, {
    description: 'The indicator target that measures this commitment (indicators subgraph): its one value, revised there, and its live status.',
  })
  target(@Root() commitment: Commitment): Target {
    return { indicatorCode: commitment.measure, scope: commitment.scope, fromYear: commitment.fromYear, toYear: commitment.dueYear };
  }
}
