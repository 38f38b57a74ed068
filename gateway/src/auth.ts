import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { GatewayGraphQLResponse } from '@apollo/server-gateway-interface';
import { envInt, TRACE_HEADER, type Viewer } from '@moukawil/kit';

/** What the gateway knows about a request while it runs the query plan. */
export interface GatewayContext {
  viewer?: Viewer;
  requestId?: string;
  /** Set when the client asked for `x-moukawil-trace: sql`: statements per subgraph. */
  sqlStatements?: Record<string, number>;
}

/**
 * Forwards the already-verified bearer token to each subgraph, which verifies it again
 * (a subgraph never trusts a caller for having reached its port), and the request id.
 */
export class AuthenticatedDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(private readonly subgraph: string, url: string) {
    // Node's fetch (undici) keeps connections to each subgraph alive and pooled; a slow subgraph
    // costs only its own fields after SUBGRAPH_TIMEOUT_MS.
    const timeout = envInt('SUBGRAPH_TIMEOUT_MS', 10_000, 100);
    super({ url, fetcher: ((input: string, init: RequestInit) => fetch(input, { ...init, signal: AbortSignal.timeout(timeout) })) as never });
  }

  willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    const token = context?.viewer?.token;
    if (token) request.http?.headers.set('authorization', `Bearer ${token}`);
    if (context?.requestId) request.http?.headers.set('x-request-id', context.requestId);
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
