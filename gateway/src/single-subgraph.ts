import { createHash } from 'node:crypto';
import { Supergraph } from '@apollo/federation-internals';
import type { ApolloGateway, GraphQLDataSource } from '@apollo/gateway';
import { GraphQLDataSourceRequestKind } from '@apollo/gateway/dist/datasources/types';
import { buildOperationContext } from '@apollo/gateway/dist/operationContext';
import type { GatewayExecutor, GatewayGraphQLRequestContext } from '@apollo/server-gateway-interface';
import { GraphQLError, Kind, validate, visit, BREAK, type DocumentNode, type GraphQLSchema, type VariableDefinitionNode } from 'graphql';
import { envBool } from '@moukawil/kit/core';
import type { AuthenticatedDataSource } from './auth'; // the gateway's data sources

/** The parts of ApolloGateway this uses; they are not in its typings. */
interface GatewayInternals {
  executor: GatewayExecutor;
  schema: GraphQLSchema;
  queryPlanStore: { get(key: string): Promise<QueryPlan | undefined> };
  serviceMap: Record<string, { dataSource: GraphQLDataSource }>;
  validateIncomingRequest(requestContext: GatewayGraphQLRequestContext, operationContext: unknown): GraphQLError[];
}

interface QueryPlan {
  node?: { kind: string; serviceName?: string; operationKind?: string; requires?: unknown; inputRewrites?: unknown; outputRewrites?: unknown; contextRewrites?: unknown };
}

const ROUTES_KEPT = 1_000;
/** Longer texts are not learned: the routes then hold at most ≈ 10 MB of query text. */
const LEARNED_TEXT_MAX = 10_000;

/** A query text (and operation name) the gateway has seen pass all its checks and go whole to one subgraph. */
export interface LearnedRoute {
  subgraph: string;
  dataSource: AuthenticatedDataSource;
  /** Against the supergraph's schema: each request's variables are still checked (fast-lane.ts). */
  schema: GraphQLSchema;
  variableDefinitions: readonly VariableDefinitionNode[];
}

/** Learned routes by query text and operation name, for the fast lane in front of Apollo Server. */
export class LearnedRoutes {
  private readonly routes = new Map<string, LearnedRoute>();
  private static key = (query: string, operationName: string | null | undefined) => `${operationName ?? ''}\n${query}`;
  get(query: string, operationName: string | null | undefined): LearnedRoute | undefined {
    return this.routes.get(LearnedRoutes.key(query, operationName));
  }
  learn(query: string, operationName: string | null | undefined, route: LearnedRoute): void {
    if (query.length > LEARNED_TEXT_MAX) return;
    if (this.routes.size >= ROUTES_KEPT) this.routes.clear();
    this.routes.set(LearnedRoutes.key(query, operationName), route);
  }
}

/** The gateway's own plan-cache key (ApolloGateway keys its plans the same way). */
function planKey({ queryHash, request }: GatewayGraphQLRequestContext): string {
  return request.operationName ? createHash('sha256').update(queryHash!).update(request.operationName).digest('hex') : queryHash!;
}

const asksForIntrospection = (document: DocumentNode) => {
  let found = false;
  visit(document, { Field: (node) => (node.name.value === '__schema' || node.name.value === '__type' ? ((found = true), BREAK) : undefined) });
  return found;
};

/**
 * Queries that Apollo's planner sends whole to one subgraph (one root fetch, no entity step)
 * go to that subgraph as the client wrote them, and its answer is the answer: Apollo's plan
 * execution and result shaping, a fifth of the gateway's CPU on such queries, are skipped.
 * Only when the client's document is also valid against that subgraph's own schema (so the
 * subgraph runs exactly the query the client asked), for queries without introspection; the
 * gateway's own checks of the request (variables) still run first. Anything else, including a
 * call that fails, takes Apollo's path. GATEWAY_SINGLE_SUBGRAPH=false turns it off.
 */
export function answerSingleSubgraphQueriesDirectly(apolloGateway: ApolloGateway, supergraphSdl: string): LearnedRoutes | null {
  if (!envBool('GATEWAY_SINGLE_SUBGRAPH', true)) return null;
  const learned = new LearnedRoutes();
  const gateway = apolloGateway as unknown as GatewayInternals;
  const subgraphSchemas = new Map<string, GraphQLSchema>();
  for (const subgraph of Supergraph.build(supergraphSdl).subgraphs()) subgraphSchemas.set(subgraph.name, subgraph.schema.toGraphQLJSSchema());
  const routes = new Map<string, string | null>(); // query hash + operation name -> subgraph, or null: Apollo's path
  const apollos = gateway.executor;

  const routeOf = (plan: QueryPlan, document: DocumentNode): string | null => {
    const node = plan.node;
    if (!node || node.kind !== 'Fetch' || node.operationKind !== 'query' || node.requires || node.inputRewrites || node.outputRewrites || node.contextRewrites) return null;
    const schema = subgraphSchemas.get(node.serviceName!);
    if (!schema || asksForIntrospection(document) || document.definitions.some((d) => d.kind !== Kind.OPERATION_DEFINITION && d.kind !== Kind.FRAGMENT_DEFINITION)) return null;
    return validate(schema, document).length === 0 ? node.serviceName! : null;
  };

  gateway.executor = async (requestContext) => {
    const key = `${requestContext.queryHash}\n${requestContext.request.operationName ?? ''}`; // no hashing per request
    let route = routes.get(key);
    if (route === undefined) {
      const plan = await gateway.queryPlanStore.get(planKey(requestContext));
      if (!plan) return apollos(requestContext); // the first time, Apollo plans it and keeps the plan
      route = routeOf(plan, requestContext.document!);
      if (routes.size >= ROUTES_KEPT) routes.clear();
      routes.set(key, route);
    }
    if (route === null || !requestContext.source) return apollos(requestContext);
    const operationContext = buildOperationContext({ schema: gateway.schema, operationDocument: requestContext.document!, operationName: requestContext.request.operationName });
    const invalid = gateway.validateIncomingRequest(requestContext, operationContext);
    if (invalid.length > 0) return { errors: invalid };
    const { dataSource } = gateway.serviceMap[route];
    let response;
    try {
      response = await dataSource.process({
        kind: GraphQLDataSourceRequestKind.INCOMING_OPERATION,
        request: { query: requestContext.source, variables: requestContext.request.variables, operationName: requestContext.request.operationName },
        context: requestContext.context,
        incomingRequestContext: requestContext,
        document: requestContext.document!,
        pathInIncomingRequest: undefined,
      } as never);
    } catch {
      return apollos(requestContext); // a failed call is answered the way Apollo shapes failures (a query: safe to ask again)
    }
    // Errors as Apollo Gateway passes on a subgraph's: same message, path and code, plus serviceName.
    const errors = response.errors?.map((error) => new GraphQLError(error.message, {
      path: error.path, extensions: { ...error.extensions, code: error.extensions?.code ?? 'DOWNSTREAM_SERVICE_ERROR', serviceName: route },
    }));
    // Past every check of Apollo Server's (parsing, validation rules, limits) and the gateway's:
    // the next request with this text may take the fast lane.
    learned.learn(requestContext.source, requestContext.request.operationName, {
      subgraph: route, dataSource: dataSource as AuthenticatedDataSource, schema: gateway.schema, variableDefinitions: operationContext.operation.variableDefinitions ?? [],
    });
    return { data: response.data ?? null, ...(errors?.length ? { errors } : {}) };
  };
  return learned;
}
