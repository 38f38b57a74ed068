import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { Viewer } from '@moukawil/kit';

/** What the gateway knows about a request while it runs the query plan. */
export interface GatewayContext {
  viewer?: Viewer;
  requestId?: string;
}

/**
 * Forwards the already-verified bearer token to each subgraph, which verifies it again
 * (a subgraph never trusts a caller for having reached its port), and the request id.
 */
export class AuthenticatedDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    const token = context?.viewer?.token;
    if (token) request.http?.headers.set('authorization', `Bearer ${token}`);
    if (context?.requestId) request.http?.headers.set('x-request-id', context.requestId);
  }
}
