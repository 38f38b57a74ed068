import { readFileSync } from 'node:fs';
import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';

/**
 * The benchmark's first peer: Apollo's stock gateway as its documentation sets it up, over the
 * same committed supergraph and subgraphs, forwarding the caller's Authorization header (so it
 * serves the same answers as ours). `node bench-stock-gateway.js SUPERGRAPH PORT`; subgraph
 * addresses from <NAME>_URL.
 */
const [supergraphPath, port] = process.argv.slice(2);

class ForwardingDataSource extends RemoteGraphQLDataSource<{ authorization?: string }> {
  override willSendRequest({ request, context }: Parameters<NonNullable<RemoteGraphQLDataSource<{ authorization?: string }>['willSendRequest']>>[0]): void {
    if (context.authorization) request.http?.headers.set('authorization', context.authorization);
  }
}

const gateway = new ApolloGateway({
  supergraphSdl: readFileSync(supergraphPath, 'utf8'),
  buildService: ({ name, url }) => new ForwardingDataSource({ url: process.env[`${name.toUpperCase()}_URL`] ?? url }),
});

startStandaloneServer(new ApolloServer({ gateway }), {
  listen: { port: Number(port) },
  context: async ({ req }) => ({ authorization: req.headers.authorization }),
}).then(({ url }) => process.stdout.write(`ready ${url}\n`));
