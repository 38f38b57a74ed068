// Hive Gateway (@graphql-hive/gateway) over the committed supergraph.graphql: the second
// federation engine, run by the bench and the tests beside our gateway.
//   npx hive-gateway supergraph supergraph.graphql --config-path gateway/engines/hive.config.mjs
// Subgraph addresses come from the environment, as for our gateway (<NAME>_URL, else localhost:<NAME>_PORT).
import { defineConfig } from '@graphql-hive/gateway';

const SUBGRAPHS = { regions: 4001, registry: 4002, programs: 4003, indicators: 4004 };
const url = (name, port) => process.env[`${name.toUpperCase()}_URL`] ?? `http://localhost:${process.env[`${name.toUpperCase()}_PORT`] ?? port}/graphql`;

export const gatewayConfig = defineConfig({
  transportEntries: {
    ...Object.fromEntries(Object.entries(SUBGRAPHS).map(([name, port]) => [name, { location: url(name, port) }])),
    // Identical subgraph queries in flight together go out once (on by default in Hive Gateway), as
    // with our gateway's GATEWAY_DEDUPLICATE, which turns it off here too.
    '*.http': { options: { deduplicateInflightRequests: process.env.GATEWAY_DEDUPLICATE !== 'false' } },
  },
  propagateHeaders: {
    fromClientToSubgraphs: ({ request }) => ({ authorization: request.headers.get('authorization') ?? undefined }),
  },
});
