import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { GatewayGraphQLResponse } from '@apollo/server-gateway-interface';
import { GraphQLError } from 'graphql';
import { DEADLINE_HEADER, envInt, FINGERPRINT_HEADER, log, PART_HEADER, TRACE_HEADER, type Viewer } from '@moukawil/kit/core';
import { deduplicating } from './dedupe';
import { mergeRequests, type FetchRequest } from './execution/merge';
import { parseAnswer, type RawFields } from './execution/raw-json';
import { entitiesWithNullFields } from './missing-entities';
import { counted, subgraphSender, type Answer, type Send } from './subgraph-http';

/** What the gateway knows about a request while it runs the query plan. */
export interface GatewayContext {
  viewer?: Viewer;
  requestId?: string;
  /** The client's Idempotency-Key, passed on to the subgraph that runs the mutation, with the fingerprint of the client's request. */
  idempotencyKey?: string;
  idempotencyFingerprint?: string;
  /** Mutation calls sent so far per subgraph: the n-th one to the same subgraph is part n of the key. */
  mutationCalls?: Map<string, number>;
  /** Set when a subgraph answered a mutation with its stored answer: the client gets `idempotent-replay: true`. */
  replayed?: boolean;
  /** Set when the client asked for `x-moukawil-trace: sql`: per subgraph, the SQL statements it ran and the calls it got. */
  trace?: Trace;
  /** Aborted when the client goes away before its answer: its subgraph calls are closed, and the subgraphs stop. */
  abandoned?: AbortSignal;
}

/** What `x-moukawil-trace: sql` reports, per subgraph. */
export interface Trace {
  sqlStatements: Record<string, number>;
  subgraphCalls: Record<string, number>;
}

const MUTATION = /^\s*mutation\b/;
/** Codes of a subgraph that refused an operation's text (not its execution): the same text is refused every time. */
const REFUSED_TEXT = new Set(['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED']);

/** A fetch of a query plan, as Apollo Gateway's executor and the gateway's own send it. */
type SubgraphRequest = Pick<GraphQLDataSourceProcessOptions<GatewayContext>['request'], 'query' | 'variables' | 'operationName' | 'extensions'>;

/**
 * Apollo Gateway's link to one subgraph. Forwards the already-verified bearer token (the
 * subgraph verifies it again: it never trusts a caller for having reached its port), the request
 * id, the Idempotency-Key and the SQL trace header. Calls go over pooled keep-alive `node:http`
 * connections (subgraph-http.ts), identical ones in flight together go out once (dedupe.ts), and
 * a slow subgraph costs only its own fields after SUBGRAPH_TIMEOUT_MS.
 */
export class AuthenticatedDataSource implements GraphQLDataSource<GatewayContext> {
  private readonly timeoutMs = envInt('SUBGRAPH_TIMEOUT_MS', 10_000, 100);
  private readonly send: Send;

  constructor(
    private readonly subgraph: string,
    url: string,
  ) {
    this.send = deduplicating(subgraph, counted(subgraph, subgraphSender(url, this.timeoutMs)));
  }

  /** Apollo Gateway's executor calls the subgraph here. */
  process({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<GatewayGraphQLResponse> {
    return this.answer(request, context);
  }

  /** One fetch of a query plan. A failed entity fetch answers null for the fields it asked (see missing-entities.ts), with the error. */
  async answer(request: SubgraphRequest & Pick<FetchRequest, 'raw'>, context: GatewayContext): Promise<GatewayGraphQLResponse> {
    try {
      return this.counted(await this.call(request, context, false, request.raw && new Map([['_entities', request.raw]])), context);
    } catch (error) {
      return this.failed(request, error);
    }
  }

  /**
   * Fetches of one step of a plan, as one request when they merge (execution/merge.ts), each
   * answered as if it had gone alone: a merged answer with no data at all is asked again fetch by
   * fetch, so that one fetch's failure (a non-null field) never empties another's, and a merged
   * text the subgraph refuses (its limits count aliases, cost and tokens over the whole
   * operation) is not sent again.
   */
  answerAll(requests: readonly FetchRequest[], context: GatewayContext): Array<Promise<GatewayGraphQLResponse>> {
    const merged = requests.length > 1 ? mergeRequests(requests) : null;
    if (!merged) return requests.map((request) => this.answer(request, context));
    const answered = this.call(merged.request, context, true, merged.raw).then(
      (response) => {
        this.counted(response, context);
        if (!response.data && response.errors?.some((e) => REFUSED_TEXT.has(e.extensions?.code as string))) merged.refused();
        return { parts: response.data ? merged.split(response) : null };
      },
      (error: unknown) => ({ error }),
    );
    return requests.map(async (request, i) => {
      const outcome = await answered;
      if ('error' in outcome) return this.failed(request, outcome.error);
      return outcome.parts ? outcome.parts[i] : this.answer(request, context);
    });
  }

  /** A fetch whose subgraph did not answer: an entity fetch gets null fields and the error, anything else the error thrown. */
  private failed(request: SubgraphRequest, error: unknown): GatewayGraphQLResponse {
    if (!(error instanceof GraphQLError) || error.extensions.code !== 'SUBGRAPH_UNAVAILABLE') throw error;
    const nulls = entitiesWithNullFields(request.query, request.variables);
    if (!nulls) throw error;
    return { data: nulls, errors: [error.toJSON()] };
  }

  /**
   * One request to the subgraph, its answer parsed (`raw`: what may stay text, raw-json.ts);
   * `refusals`: a 400 (a text the subgraph refuses) is answered, not thrown.
   */
  private async call(request: SubgraphRequest, context: GatewayContext, refusals = false, raw?: RawFields): Promise<GatewayGraphQLResponse> {
    const { query, variables, operationName, extensions } = request;
    let status: number | undefined;
    try {
      const answer = await this.forward(context, JSON.stringify({ query, variables, operationName, extensions }), MUTATION.test(query ?? ''));
      status = answer.status;
      if (answer.replay && context) context.replayed = true;
      const answered = (status >= 200 && status <= 299) || (refusals && status === 400);
      if (!answered || !answer.contentType?.includes('json')) throw new Error(`HTTP ${status}`);
      const body = parseAnswer(answer.body.toString('utf8'), raw);
      if (!body || typeof body !== 'object' || Array.isArray(body)) throw new Error('the answer is not a GraphQL response');
      return body as GatewayGraphQLResponse;
    } catch (error) {
      throw this.unavailable(error as Error, status);
    }
  }

  /** Sends a GraphQL request body to the subgraph on the caller's behalf; the answer comes back unparsed. */
  forward(context: GatewayContext | undefined, body: string, mutation = false): Promise<Answer> {
    const headers: Record<string, string> = {};
    if (context?.viewer?.token) headers.authorization = `Bearer ${context.viewer.token}`;
    if (context?.requestId) headers['x-request-id'] = context.requestId;
    if (context?.idempotencyKey) {
      headers['idempotency-key'] = context.idempotencyKey;
      if (context.idempotencyFingerprint) headers[FINGERPRINT_HEADER] = context.idempotencyFingerprint;
      if (mutation && context.mutationCalls) {
        // A plan may call one subgraph's mutations twice (a.b.a): each call is its own part of the key.
        const part = (context.mutationCalls.get(this.subgraph) ?? 0) + 1;
        context.mutationCalls.set(this.subgraph, part);
        if (part > 1) headers[PART_HEADER] = String(part);
      }
    }
    if (context?.trace) headers[TRACE_HEADER] = 'sql';
    // The subgraph stops its work when the gateway stops waiting for it.
    headers[DEADLINE_HEADER] = String(this.timeoutMs);
    return this.send(headers, body, context?.abandoned);
  }

  /** The client gets an error naming the subgraph and why, never its address nor a stack trace. */
  private unavailable(error: Error, status: number | undefined): GraphQLError {
    const reason = error.name === 'TimeoutError' ? `no answer within ${this.timeoutMs} ms` : status ? `answered HTTP ${status}` : 'not reachable';
    log.warn({ subgraph: this.subgraph, err: error }, 'subgraph call failed');
    return new GraphQLError(`The ${this.subgraph} subgraph is unavailable (${reason}): its fields are missing from this answer.`, {
      extensions: { code: 'SUBGRAPH_UNAVAILABLE', subgraph: this.subgraph },
    });
  }

  /** Adds the subgraph's SQL statement count, and the call, to the request's when the client asked for them. */
  private counted(response: GatewayGraphQLResponse, context: GatewayContext): GatewayGraphQLResponse {
    const trace = context?.trace;
    if (!trace) return response;
    trace.subgraphCalls[this.subgraph] = (trace.subgraphCalls[this.subgraph] ?? 0) + 1;
    const count = response.extensions?.sqlStatements;
    if (typeof count === 'number') trace.sqlStatements[this.subgraph] = (trace.sqlStatements[this.subgraph] ?? 0) + count;
    return response;
  }
}
