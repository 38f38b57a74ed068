import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { formatError, log } from '@moukawil/kit/core';
import type { Federation, PlannedOperation } from '../apollo';

/** An answer ready to write: its status and JSON body. */
export interface Answer {
  status: number;
  body: string | Buffer;
}

/** An error as clients get it: GraphQL's shape, a code always, nothing internal (kit formatError). */
export function formatted(error: unknown): GraphQLFormattedError {
  const graphQLError =
    error instanceof GraphQLError ? error : new GraphQLError((error as Error)?.message ?? 'Internal error', { originalError: error as Error });
  const json = graphQLError.toJSON();
  const { http: _status, ...extensions } = json.extensions ?? {};
  return formatError({ ...json, extensions: { ...extensions, code: extensions.code ?? 'INTERNAL_SERVER_ERROR' } }, graphQLError);
}

/** A GraphQL response's body, errors first (a body that starts with `{"data":` has none). */
export function responseBody(result: { errors?: readonly unknown[]; data?: unknown; extensions?: unknown }): string {
  return JSON.stringify({
    ...(result.errors?.length ? { errors: result.errors.map(formatted) } : {}),
    ...(result.data !== undefined ? { data: result.data } : {}),
    ...(result.extensions ? { extensions: result.extensions } : {}),
  });
}

/** Everything not answered whole by one subgraph: Apollo's query plan, executed by Apollo Gateway. */
export async function executePlanned(federation: Federation, operation: PlannedOperation): Promise<Answer> {
  try {
    const result = await federation.execute(operation);
    const status =
      (result.errors?.find((e) => (e.extensions?.http as { status?: number } | undefined)?.status)?.extensions?.http as { status: number } | undefined)
        ?.status ?? 200;
    return { status, body: responseBody(result) };
  } catch (error) {
    log.error({ err: error }, 'query plan execution failed');
    return { status: 500, body: responseBody({ errors: [new GraphQLError('Internal error', { extensions: { code: 'INTERNAL_SERVER_ERROR' } })] }) };
  }
}
