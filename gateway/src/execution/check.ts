import type { GraphQLDataSource } from '@apollo/gateway';
import type { GatewayGraphQLResponse } from '@apollo/server-gateway-interface';
import type { Federation, PlannedOperation } from '../apollo';
import type { GatewayContext } from '../context';
import type { SubgraphCall } from './execute';

/** The subgraph answers of one request, in the order they came, per fetch (service, operation, variables): a merged call's answer split back (merge.ts). */
type Recording = Map<string, Array<{ response: GatewayGraphQLResponse } | { error: unknown }>>;

const keyOf = (service: string, request: { query?: string; variables?: Record<string, unknown> }) =>
  `${service}\n${request.query}\n${JSON.stringify(request.variables ?? {})}`;

/**
 * GATEWAY_EXECUTOR_CHECK (tests, never production): every request the gateway's executor answers
 * is answered a second time by Apollo Gateway's own executor, over the same subgraph answers
 * replayed (no subgraph is called twice, so mutations are safe), and the two answers must be equal
 * byte for byte, errors, nulls and partial failures included. A difference is answered as an
 * error, so that the test that sent the request fails where it stands.
 */
export interface ExecutorCheck {
  /** Wraps the subgraph calls of one request so that their answers are kept for the replay. */
  recording(call: SubgraphCall): { call: SubgraphCall; replay: (operation: PlannedOperation) => ReturnType<Federation['execute']> };
}

export async function executorCheck(load: (buildService: (name: string) => GraphQLDataSource) => Promise<Federation>): Promise<ExecutorCheck> {
  const replaying = (name: string): GraphQLDataSource<GatewayContext & { recording: Recording }> => ({
    async process({ request, context }) {
      const answer = context.recording.get(keyOf(name, request))?.shift();
      if (!answer) throw new Error(`Apollo's executor asked ${name} for a call the gateway's executor did not make: ${request.query}`);
      if ('error' in answer) throw answer.error;
      return structuredClone(answer.response);
    },
  });
  const apollo = await load(replaying as (name: string) => GraphQLDataSource);
  return {
    recording(call) {
      const recording: Recording = new Map();
      return {
        call(service, requests, context) {
          return call(service, requests, context).map(async (answer, i) => {
            const key = keyOf(service, requests[i]);
            const answers = recording.get(key) ?? [];
            recording.set(key, answers);
            try {
              const response = await answer;
              // Kept before the executor merges (and so changes) the objects of the answer; as
              // JSON, so that text kept for the client (raw-json.ts) is the value Apollo's executor expects.
              answers.push({ response: JSON.parse(JSON.stringify(response)) as GatewayGraphQLResponse });
              return response;
            } catch (error) {
              answers.push({ error });
              throw error;
            }
          });
        },
        replay: (operation) => apollo.execute({ ...operation, context: { ...operation.context, recording } as GatewayContext }),
      };
    },
  };
}
