// Hive Gateway (@graphql-hive/gateway) over the committed supergraph.graphql: the second
// federation engine, run by the bench and by gateway/test/engines.test.ts beside our gateway.
//   npm run build && npx hive-gateway supergraph supergraph.graphql --config-path gateway/engines/hive.config.mjs
// LOG_LEVEL (trace, debug, info, warn, error) is read by Hive Gateway too.
// Subgraph addresses come from the environment, as for our gateway (<NAME>_URL, else 127.0.0.1:<NAME>_PORT).
// The headers and the limits are the kit's own lists, so that the two engines cannot drift apart.
import { maxAliasesPlugin } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthPlugin } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesPlugin } from '@escape.tech/graphql-armor-max-directives';
import { defineConfig } from '@graphql-hive/gateway';
import { LIMITS, SUBGRAPH_REQUEST_HEADERS, SUBGRAPH_RESPONSE_HEADERS } from '@moukawil/kit/core';

const SUBGRAPHS = { regions: 4001, registry: 4002, programs: 4003, indicators: 4004 };
const url = (name, port) => process.env[`${name.toUpperCase()}_URL`] ?? `http://127.0.0.1:${process.env[`${name.toUpperCase()}_PORT`] ?? port}/graphql`;
const pick = (headers, names) => Object.fromEntries(names.map((name) => [name, headers.get(name) ?? undefined]));

export const gatewayConfig = defineConfig({
  port: Number(process.env.GATEWAY_PORT ?? 4000),
  transportEntries: {
    ...Object.fromEntries(Object.entries(SUBGRAPHS).map(([name, port]) => [name, { location: url(name, port) }])),
    // Identical subgraph queries in flight together go out once (on by default in Hive Gateway), as
    // with our gateway's GATEWAY_DEDUPLICATE, which turns it off here too.
    '*.http': { options: { deduplicateInflightRequests: process.env.GATEWAY_DEDUPLICATE !== 'false' } },
  },
  propagateHeaders: {
    // Every header a subgraph reads; the subgraphs verify the token themselves.
    fromClientToSubgraphs: ({ request }) => pick(request.headers, SUBGRAPH_REQUEST_HEADERS),
    // A replayed mutation is marked for the client, as by our gateway.
    fromSubgraphsToClient: ({ response }) => pick(response.headers, SUBGRAPH_RESPONSE_HEADERS),
  },
  // The operation limits our gateway applies (tokens, depth, aliases, directives), and its demand
  // control on the same cost directives of the supergraph (objects 1, scalars 0, a mutation 10,
  // the default list size for lists without a bound). Hive Gateway costs each subgraph request
  // rather than the whole operation; every subgraph costs what it receives too.
  // Depth as ours counts it: data fields only, introspection exempt (the explorer's query is 21 deep).
  maxTokens: LIMITS.tokens,
  demandControl: { maxCost: LIMITS.cost, listSize: LIMITS.listSize },
  plugins: () => [
    maxDepthPlugin({ n: LIMITS.depth, ignoreIntrospection: true }),
    maxAliasesPlugin({ maxAliases: LIMITS.aliases }),
    maxDirectivesPlugin({ n: LIMITS.directives }),
  ],
});
