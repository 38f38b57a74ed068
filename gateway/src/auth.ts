import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { GatewayGraphQLResponse } from '@apollo/server-gateway-interface';
import { GraphQLError } from 'graphql';
import { envInt, log, TRACE_HEADER, type Viewer } from '@moukawil/kit';
import { deduplicating } from './dedupe';
import { entitiesWithNullFields } from './missing-entities';

/** What the gateway knows about a request while it runs the query plan. */
export interface GatewayContext {
  viewer?: Viewer;
  requestId?: string;
  /** The client's Idempotency-Key, passed on to the subgraph that runs the mutation. */
  idempotencyKey?: string;
  /** Set when the client asked for `x-moukawil-trace: sql`: statements per subgraph. */
  sqlStatements?: Record<string, number>;
}

/**
 * Forwards the already-verified bearer token to each subgraph, which verifies it again
 * (a subgraph never trusts a caller for having reached its port), and the request id.
 */
export class AuthenticatedDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(private readonly subgraph: string, url: string) {
    // Node's fetch (undici) keeps connections to each subgraph alive and pooled; identical calls in
    // flight together go out once (dedupe.ts); a slow subgraph costs only its own fields after SUBGRAPH_TIMEOUT_MS.
    const timeout = envInt('SUBGRAPH_TIMEOUT_MS', 10_000, 100);
    super({ url, fetcher: deduplicating((input, init) => fetch(input, { ...init, signal: AbortSignal.timeout(timeout) })) as never });
    this.timeoutMs = timeout;
  }

  private readonly timeoutMs: number;

  /**
   * A subgraph that is down, slow or failing costs only its own fields: the client gets an error
   * naming the subgraph and why, never its address nor a stack trace.
   */
  didEncounterError(error: Error, _request: unknown, response?: { status?: number }): void {
    const reason = error.name === 'TimeoutError' || error.name === 'AbortError'
      ? `no answer within ${this.timeoutMs} ms`
      : response?.status ? `answered HTTP ${response.status}` : 'not reachable';
    log.warn({ subgraph: this.subgraph, err: error }, 'subgraph call failed');
    throw new GraphQLError(`The ${this.subgraph} subgraph is unavailable (${reason}): its fields are missing from this answer.`, {
      extensions: { code: 'SUBGRAPH_UNAVAILABLE', subgraph: this.subgraph },
    });
  }

  /** A failed entity fetch answers null for the fields it asked (see missing-entities.ts), with the error. */
  async process(options: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<GatewayGraphQLResponse> {
    try {
      return await super.process(options);
    } catch (error) {
      if (!(error instanceof GraphQLError) || error.extensions.code !== 'SUBGRAPH_UNAVAILABLE') throw error;
      const nulls = entitiesWithNullFields(options.request.query, options.request.variables);
      if (!nulls) throw error;
      return { data: nulls, errors: [error.toJSON()] };
    }
  }

  willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    const token = context?.viewer?.token;
    if (token) request.http?.headers.set('authorization', `Bearer ${token}`);
    if (context?.requestId) request.http?.headers.set('x-request-id', context.requestId);
    if (context?.idempotencyKey) request.http?.headers.set('idempotency-key', context.idempotencyKey);
    if (context?.sqlStatements) request.http?.headers.set(TRACE_HEADER, 'sql');
  }

  didReceiveResponse({ response, context }: { response: GatewayGraphQLResponse; context: GatewayContext }): GatewayGraphQLResponse {
    const count = response.extensions?.sqlStatements;
    if (context.sqlStatements && typeof count === 'number') {
      context.sqlStatements[this.subgraph] = (context.sqlStatements[this.subgraph] ?? 0) + count;
    }
    return response;
  }
}
