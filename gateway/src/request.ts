import type { IncomingMessage, ServerResponse } from 'node:http';
import { getOperationAST, getVariableValues, type OperationDefinitionNode } from 'graphql';
import {
  boundedCache,
  checkedDocuments,
  countGraphQL,
  errorCodesOf,
  isProduction,
  LIMITS,
  overCost,
  log,
  operationLabel,
  requestScope,
  scopeOf,
  TRACE_HEADER,
  type CostModel,
  type Viewer,
} from '@moukawil/kit/core';
import type { Federation } from './apollo';
import type { Admit } from './callers';
import type { ResponseCache } from './cache';
import type { GatewayContext, Trace } from './context';
import type { SubgraphFetches } from './execution/fetch';
import { idempotentRequest } from './idempotency';
import type { SubgraphLink } from './subgraph-link';
import { answerType, errorsBody, readGraphQLRequest, writeAnswer, type GraphQLHttpRequest, type Refusal } from './graphql-http';
import { sendDirect } from './route/direct';
import { plannedRoute, type Answer, type Route } from './route/planned';
import type { ExecutorCheck } from './execution/check';

export interface RequestPath {
  federation: Federation;
  /** The supergraph's cost directives (`@cost`, `@listSize`), as composed from the subgraphs'. */
  costs: CostModel;
  /** The link to each subgraph, for queries one of them answers whole. */
  links: Map<string, SubgraphLink>;
  fetches: Map<string, SubgraphFetches>;
  /** Who is calling (a bearer token or a partner API key), counted against its rate (callers.ts). */
  admit: Admit;
  cache: ResponseCache | null;
  /** GATEWAY_SINGLE_SUBGRAPH: send queries one subgraph answers whole straight to it. */
  direct: boolean;
  /** GATEWAY_EXECUTOR_CHECK: every planned answer compared with Apollo Gateway's executor (tests). */
  check: ExecutorCheck | null;
}

/**
 * One GraphQL request, top to bottom:
 *
 *   caller verified once (its token) → rate limit (per caller) → GraphQL request read from HTTP
 *   (body size, JSON, CSRF) → document parsed and validated with the operation limits (once per
 *   text) → operation chosen, variables checked → public cache? → route: one subgraph answers
 *   it whole (sent as written), or Apollo's query plan run by the gateway's executor → answer,
 *   with the headers the contract passes through (x-request-id, idempotent-replay).
 *
 * Each step answers early with the contract's error (its code and HTTP status) and hands the next
 * one what it found; no step knows another's internals.
 */
export function requestPath(path: RequestPath): GraphPath {
  const documents = checkedDocuments(path.federation.schema);
  // Per operation text: the subgraph that answers it whole, or its prepared plan (once first run).
  const routes = boundedCache<string, Route>(1_000);
  const executePlanned = plannedRoute(path.federation, path.fetches, path.check);

  async function handle(req: IncomingMessage, res: ServerResponse, requestId: string): Promise<void> {
    const type = answerType(req.headers.accept);
    const started = performance.now();
    let operationName: string | null = null;
    const answer = (status: number, body: string | Buffer, headers: Record<string, string> = {}) => {
      countGraphQL(operationLabel(operationName), (performance.now() - started) / 1000, errorCodesOf(body));
      writeAnswer(res, status, body, { 'content-type': type, 'x-request-id': requestId, ...headers });
    };
    const refuse = ({ status, code, message }: Refusal, extensions: Record<string, unknown> = {}, headers: Record<string, string> = {}) =>
      answer(status, errorsBody([{ message, extensions: { code, ...extensions } }]), headers);

    // The caller, verified once and counted; a refused identity is answered after the body's own refusals.
    const { viewer, refusal } = await path.admit(req, res, 'GRAPHQL');
    const retryAfter = refusal?.retryAfter;
    if (retryAfter) return refuse(refusal, { retryAfter }, { 'retry-after': String(retryAfter) });

    const read = await readGraphQLRequest(req, LIMITS.bodyBytes);
    if ('refusal' in read) return refuse(read.refusal);
    if (refusal) return refuse(refusal);
    const request = read.request;

    const { operation, invalid } = operationOf(request);
    operationName = operation?.name?.value ?? null;
    if (invalid) return answer(invalid.status, invalid.body);

    const context = contextOf(req, res, request, viewer, requestId);
    const cacheKey = path.cache && operation.operation === 'query' && !context.trace ? path.cache.keyOf(request, viewer) : null;
    const cached = cacheKey ? path.cache!.get(cacheKey) : undefined;
    if (cached) return answer(cached.status, cached.body, { 'x-moukawil-cache': 'HIT' });

    const [result, route] = await run(request, operation, context, req);
    if (operation.operation === 'mutation') path.cache?.clear();
    if (cacheKey && result.status === 200 && !result.body.includes('"errors":')) path.cache!.set(cacheKey, result);
    answer(result.status, result.body, {
      ...(cacheKey ? { 'x-moukawil-cache': 'MISS' } : {}),
      ...(route ? { 'x-moukawil-route': route } : {}),
      ...(context.replayed ? { 'idempotent-replay': 'true' } : {}),
    });
  }

  /**
   * The request's document checked with the operation limits (once per text), its operation chosen
   * and its variables coerced; or the contract's refusal (the operation, when one was found, names
   * the refusal in the metrics).
   */
  function operationOf(request: GraphQLHttpRequest): Chosen {
    const refusal = (status: number, code: string, message: string): Answer => ({ status, body: errorsBody([{ message, extensions: { code } }]) });
    const checked = documents(request.query);
    if (checked.errors) return { operation: null, invalid: { status: 400, body: JSON.stringify({ errors: checked.errors.map((e) => e.toJSON()) }) } };
    const operation = getOperationAST(checked.document, request.operationName) ?? null;
    if (!operation) {
      const message = request.operationName
        ? `Unknown operation named "${request.operationName.slice(0, 100)}".`
        : 'The document holds several operations: say which one to run (operationName).';
      return { operation, invalid: refusal(400, 'OPERATION_RESOLUTION_FAILURE', message) };
    }
    if (request.method === 'GET' && operation.operation !== 'query')
      return { operation, invalid: refusal(405, 'BAD_REQUEST', `GET requests only support query operations, not ${operation.operation} operations.`) };
    const coerced = getVariableValues(path.federation.schema, operation.variableDefinitions ?? [], request.variables);
    if (coerced.errors)
      return {
        operation,
        invalid: { status: 400, body: JSON.stringify({ errors: coerced.errors.map((e) => ({ ...e.toJSON(), extensions: { code: 'BAD_USER_INPUT' } })) }) },
      };
    // The cost, with the page sizes the variables give: refused before any subgraph is called.
    const tooCostly = overCost(path.federation.schema, path.costs, checked.document, operation, coerced.coerced);
    if (tooCostly) return { operation, invalid: { status: 400, body: errorsBody([{ message: tooCostly.message, extensions: { ...tooCostly.extensions } }]) } };
    return { operation, invalid: null };
  }

  /** Routes the operation: straight to the one subgraph that answers it whole, else through Apollo's plan. */
  async function run(
    request: GraphQLHttpRequest,
    operation: OperationDefinitionNode,
    context: GatewayContext,
    req: IncomingMessage,
  ): Promise<[Answer, string | null]> {
    const { document } = documents(request.query);
    const key = `${request.operationName ?? ''}\n${request.query}`;
    let route = routes.get(key);
    if (!route) {
      route = { subgraph: path.direct && operation.operation === 'query' ? path.federation.directRoute(document!, request.operationName) : null };
      if (request.query.length <= 10_000) routes.set(key, route);
    }
    // SQL tracing sums the subgraphs' counts per subgraph, which the plan's data sources do.
    if (route.subgraph && !context.trace) {
      const direct = await sendDirect(path.links.get(route.subgraph)!, route.subgraph, request, context);
      if (direct) return [direct, route.subgraph];
    }
    const planned = await executePlanned(route, {
      query: request.query,
      document: document!,
      operation,
      operationName: request.operationName,
      variables: request.variables,
      headers: req.headers,
      context,
    });
    if (context.trace) planned.body = withTrace(planned.body as string, context.trace);
    return [planned, null];
  }

  /**
   * One operation run for a caller already verified (and counted) by another entry of the gateway
   * (exports read with GET: queries only; imports write with POST): the same limits, routing and
   * subgraph calls as a request to /graphql, so that its answer is the graph's, access rules and
   * masks included.
   */
  async function operate(request: GraphQLHttpRequest, viewer: Viewer, requestId: string): Promise<Answer> {
    const { operation, invalid } = operationOf(request);
    if (invalid) return invalid;
    if (operation.operation === 'subscription')
      return { status: 400, body: errorsBody([{ message: 'No subscriptions', extensions: { code: 'BAD_REQUEST' } }]) };
    const [answer] = await run(request, operation, { viewer, requestId }, { headers: {} } as IncomingMessage);
    return answer;
  }

  const handler = (req: IncomingMessage, res: ServerResponse) => {
    const scope = scopeOf(req.headers);
    const { requestId } = scope;
    requestScope.run(scope, () => {
      handle(req, res, requestId).catch((error: unknown) => {
        // Not expected: every step answers or hands on. Never leave the client hanging.
        log.error({ err: error }, 'request failed');
        if (!res.headersSent)
          writeAnswer(res, 500, errorsBody([{ message: 'Internal error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }]), {
            'content-type': 'application/json; charset=utf-8',
            'x-request-id': requestId,
          });
      });
    });
  };
  return { handle: handler, operate };
}

/** The GraphQL entry of the gateway: HTTP requests to /graphql, and queries run for another entry (operate). */
export interface GraphPath {
  handle: (req: IncomingMessage, res: ServerResponse) => void;
  operate: (request: GraphQLHttpRequest, viewer: Viewer, requestId: string) => Promise<Answer>;
}

/** An operation ready to run, or the refusal of its request (with the operation, when one was chosen). */
type Chosen = { operation: OperationDefinitionNode; invalid: null } | { operation: OperationDefinitionNode | null; invalid: Answer };

/** What the data sources need to know of the request they call subgraphs for. */
function contextOf(req: IncomingMessage, res: ServerResponse, request: GraphQLHttpRequest, viewer: Viewer, requestId: string): GatewayContext {
  const key = req.headers['idempotency-key'];
  const abandoned = new AbortController();
  res.once('close', () => res.writableFinished || abandoned.abort());
  return {
    viewer,
    requestId,
    abandoned: abandoned.signal,
    ...(typeof key === 'string' ? { idempotency: idempotentRequest(key, request) } : {}),
    ...(req.headers[TRACE_HEADER] === 'sql' && !isProduction() ? { trace: { sqlStatements: {}, subgraphCalls: {} } } : {}),
  };
}

/** Adds the subgraphs' SQL statement counts, and the calls made to each, to the answer (`x-moukawil-trace: sql`, outside production). */
function withTrace(body: string, { sqlStatements, subgraphCalls }: Trace): string {
  const parsed = JSON.parse(body) as { extensions?: Record<string, unknown> };
  const total = (figures: Record<string, number>) => ({ ...figures, total: Object.values(figures).reduce((sum, n) => sum + n, 0) });
  return JSON.stringify({ ...parsed, extensions: { ...parsed.extensions, sqlStatements: total(sqlStatements), subgraphCalls: total(subgraphCalls) } });
}
