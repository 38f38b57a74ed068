import { GraphQLError } from 'graphql';
import type { GatewayContext } from '../context';
import type { SubgraphLink } from '../subgraph-link';
import type { GraphQLHttpRequest } from '../graphql-http';
import { responseBody, type Answer } from './planned';

/** A subgraph's answer that starts so holds no error (GraphQL servers write `errors` first, and extensions only when asked). */
const CLEAN = Buffer.from('{"data":');

/**
 * A query one subgraph answers whole (apollo.ts, directRoute) goes to it as the client wrote it,
 * and its answer is the answer: Apollo's plan execution and result shaping, most of the gateway's
 * work on such a query, are skipped. A clean answer is passed on byte for byte; errors are passed
 * on as Apollo Gateway passes a subgraph's (its message, path and code, and serviceName). A call
 * that fails answers null: the planned route then shapes the failure as it does for any query.
 */
export async function sendDirect(link: SubgraphLink, subgraph: string, request: GraphQLHttpRequest, context: GatewayContext): Promise<Answer | null> {
  let answer;
  try {
    answer = await link.send(context, JSON.stringify({ query: request.query, variables: request.variables, operationName: request.operationName }));
  } catch {
    return null;
  }
  if (answer.status !== 200 || !answer.contentType?.includes('json')) return null;
  if (answer.body.subarray(0, CLEAN.length).equals(CLEAN)) return { status: 200, body: answer.body };
  const result = JSON.parse(answer.body.toString('utf8')) as {
    data?: unknown;
    errors?: Array<{ message: string; path?: Array<string | number>; extensions?: Record<string, unknown> }>;
  };
  const errors = result.errors?.map(
    (error) =>
      new GraphQLError(error.message, {
        path: error.path,
        extensions: { ...error.extensions, code: error.extensions?.code ?? 'DOWNSTREAM_SERVICE_ERROR', serviceName: subgraph },
      }),
  );
  return { status: 200, body: responseBody({ data: result.data ?? null, errors }) };
}
