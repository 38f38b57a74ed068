import { createHash } from 'node:crypto';
import { operationFromDocument, Supergraph } from '@apollo/federation-internals';
import { ApolloGateway, type GraphQLDataSource } from '@apollo/gateway';
import { QueryPlanner, type QueryPlan } from '@apollo/query-planner';
import type { GatewayExecutionResult, GatewayGraphQLRequestContext } from '@apollo/server-gateway-interface';
import { BREAK, Kind, validate, visit, type DocumentNode, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import type { GatewayContext } from './context';

/**
 * The only file that knows how Apollo Federation is driven: `@apollo/query-planner` plans every
 * federated query (and tells which queries one subgraph answers whole), `@apollo/gateway` loads
 * the supergraph and executes what the gateway's own executor (execution/) leaves to it.
 * Everything here goes through their published interfaces (ApolloGateway.load and its executor,
 * the request context of @apollo/server-gateway-interface, QueryPlanner);
 * `gateway/test/apollo.test.ts` fails loudly if an upgrade changes what is relied on (the plan's
 * shape, the context the executor reads).
 */
export interface Federation {
  /** The API schema clients query. */
  schema: GraphQLSchema;
  /** The supergraph's schema: the types of the entities that travel between subgraphs. */
  supergraphSchema: GraphQLSchema;
  /** The subgraph that answers this operation whole, or null when it needs a plan. */
  directRoute(document: DocumentNode, operationName: string | null): string | null;
  /** Apollo's query plan of an operation. */
  plan(document: DocumentNode, operationName: string | null): QueryPlan;
  /** Runs an operation with Apollo Gateway's executor. */
  execute(operation: PlannedOperation): Promise<GatewayExecutionResult>;
}

export interface PlannedOperation {
  query: string;
  document: DocumentNode;
  operation: OperationDefinitionNode;
  operationName: string | null;
  variables: Record<string, unknown>;
  headers: Record<string, string | string[] | undefined>;
  context: GatewayContext;
}

const silent = { debug() {}, info() {}, warn() {}, error() {} };

const asksForIntrospection = (document: DocumentNode) => {
  let found = false;
  visit(document, { Field: (node) => (node.name.value === '__schema' || node.name.value === '__type' ? ((found = true), BREAK) : undefined) });
  return found;
};

/** The plan's root is one fetch of a query from one subgraph, with nothing to rewrite: that subgraph answers it whole. */
export function singleFetch(plan: QueryPlan): string | null {
  const node = plan.node;
  if (!node || node.kind !== 'Fetch' || node.operationKind !== 'query') return null;
  if (node.requires || node.inputRewrites || node.outputRewrites || node.contextRewrites) return null;
  return node.serviceName;
}

export async function loadFederation(supergraphSdl: string, buildService: (name: string) => GraphQLDataSource): Promise<Federation> {
  const gateway = new ApolloGateway({ supergraphSdl, buildService: ({ name }) => buildService(name), logger: silent });
  const { schema, executor } = await gateway.load();
  const supergraph = Supergraph.build(supergraphSdl);
  const planner = new QueryPlanner(supergraph);
  const subgraphSchemas = new Map(
    supergraph
      .subgraphs()
      .values()
      .map((subgraph) => [subgraph.name, subgraph.schema.toGraphQLJSSchema()] as const),
  );

  const supergraphSchema = supergraph.schema.toGraphQLJSSchema();
  // The limits Apollo Gateway's own planning applies (APOLLO_DISABLE_SECURITY_* turn them off there too).
  const planOptions = {
    recursiveSelectionsLimitDisabled: process.env.APOLLO_DISABLE_SECURITY_RECURSIVE_SELECTIONS_CHECK === 'true',
    nonLocalSelectionsLimitDisabled: process.env.APOLLO_DISABLE_SECURITY_NON_LOCAL_SELECTIONS_CHECK === 'true',
  };
  const operationOf = (document: DocumentNode, operationName: string | null) =>
    operationFromDocument(supergraph.apiSchema(), document, { operationName: operationName ?? undefined });
  // Plans per parsed document (request.ts parses a text once): deciding the route and running the
  // plan ask for the same one, which is built once.
  const plans = new WeakMap<DocumentNode, Map<string | null, QueryPlan>>();
  const plan = (document: DocumentNode, operationName: string | null): QueryPlan => {
    let byName = plans.get(document);
    if (!byName) plans.set(document, (byName = new Map()));
    let built = byName.get(operationName);
    if (!built) byName.set(operationName, (built = planner.buildQueryPlan(operationOf(document, operationName), planOptions)));
    return built;
  };

  return {
    schema,
    supergraphSchema,
    plan,
    directRoute(document, operationName) {
      // Only documents the subgraph itself would accept as they are, so that it runs exactly what the client asked.
      if (asksForIntrospection(document) || document.definitions.some((d) => d.kind !== Kind.OPERATION_DEFINITION && d.kind !== Kind.FRAGMENT_DEFINITION))
        return null;
      const subgraph = singleFetch(plan(document, operationName));
      const own = subgraph ? subgraphSchemas.get(subgraph) : undefined;
      return own && validate(own, document).length === 0 ? subgraph : null;
    },
    execute({ query, document, operation, operationName, variables, headers, context }) {
      // Apollo Server's HeaderMap is a Map of lower-case names, which Node's request headers already are.
      const http = new Map(Object.entries(headers).flatMap(([name, value]) => (typeof value === 'string' ? [[name, value] as [string, string]] : [])));
      // The request context Apollo Server hands a gateway (@apollo/server-gateway-interface), with what its executor reads.
      const requestContext = {
        request: { query, operationName, variables, http: { method: 'POST', headers: http, search: '', body: undefined } },
        document,
        source: query,
        operation,
        operationName,
        queryHash: createHash('sha256').update(query).digest('hex'),
        context,
        logger: silent,
        metrics: { captureTraces: false },
        cache: undefined,
        schema,
        overallCachePolicy: undefined,
        requestIsBatched: false,
      } as unknown as GatewayGraphQLRequestContext<GatewayContext>;
      return executor(requestContext);
    },
  };
}
