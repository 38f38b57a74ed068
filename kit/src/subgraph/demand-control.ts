import type { ApolloServerPlugin } from '@apollo/server';
import { getVariableValues, GraphQLError, type GraphQLSchema } from 'graphql';
import type { CostModel } from '../core/cost';
import { overCost } from '../core/limits';

/**
 * One door: an operation that reaches this subgraph's port, from the gateway or straight, is
 * costed as at the gateway (core/cost.ts, this subgraph's own directives), with its variables
 * coerced, and refused before it runs. A gateway's entity fetch costs as many objects as it
 * sends representations.
 */
export function demandControlPlugin<Ctx extends object>(schema: GraphQLSchema, costs: CostModel): ApolloServerPlugin<Ctx> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, operation }) {
          if (!operation) return;
          const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], request.variables ?? {});
          if (coerced.errors) return; // Apollo answers those as BAD_USER_INPUT
          const refusal = overCost(schema, costs, document, operation, coerced.coerced);
          if (refusal) throw new GraphQLError(refusal.message, { extensions: { ...refusal.extensions, http: { status: 400 } } });
        },
      };
    },
  };
}
