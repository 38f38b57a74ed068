import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { GatewayGraphQLResponse } from '@apollo/server-gateway-interface';
import { GraphQLError } from 'graphql';
import { log } from '@moukawil/kit/core';
import type { GatewayContext } from '../context';
import type { SubgraphLink } from '../subgraph-link';
import { mergeRequests, type FetchRequest } from './merge';
import { entitiesWithNullFields } from './missing-entities';
import { parseAnswer, type RawFields } from './raw-json';

const MUTATION = /^\s*mutation\b/;
/** Codes of a subgraph that refused an operation's text (not its execution): the same text is refused every time. */
const REFUSED_TEXT = new Set(['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED']);

/** A fetch of a query plan, as Apollo Gateway's executor and the gateway's own send it. */
type SubgraphRequest = Pick<GraphQLDataSourceProcessOptions<GatewayContext>['request'], 'query' | 'variables' | 'operationName' | 'extensions'>;

/**
 * The fetches of a plan to one subgraph, over its link (the transport): what a fetch sends, how
 * its answer is read (parsed, its raw fields kept as text, raw-json.ts; counted for the SQL
 * trace), what a failure answers (a failed entity fetch null for the fields it asked,
 * missing-entities.ts, with the error), and how the fetches of one batch go as one request and
 * come back as each one's answer (merge.ts). Apollo Gateway's executor calls it as its data
 * source (`process`) for the operations it runs itself.
 */
export class SubgraphFetches implements GraphQLDataSource<GatewayContext> {
  constructor(private readonly link: SubgraphLink) {}

  /** Apollo Gateway's executor calls the subgraph here. */
  process({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<GatewayGraphQLResponse> {
    return this.one(request, context);
  }

  /** One fetch of a plan. */
  async one(request: SubgraphRequest & Pick<FetchRequest, 'raw'>, context: GatewayContext): Promise<GatewayGraphQLResponse> {
    try {
      return this.counted(await this.call(request, context, false, request.raw && new Map([['_entities', request.raw]])), context);
    } catch (error) {
      return this.failed(request, error);
    }
  }

  /**
   * The fetches of one batch of a plan, as one request when they merge, each answered as if it
   * had gone alone: a merged answer with no data at all is asked again fetch by fetch, so that
   * one fetch's failure (a non-null field) never empties another's, and a merged text the
   * subgraph refuses (its limits count aliases, cost and tokens over the whole operation) is not
   * sent again.
   */
  all(requests: readonly FetchRequest[], context: GatewayContext): Array<Promise<GatewayGraphQLResponse>> {
    const merged = requests.length > 1 ? mergeRequests(requests) : null;
    if (!merged) return requests.map((request) => this.one(request, context));
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
      return outcome.parts ? outcome.parts[i] : this.one(request, context);
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
      const answer = await this.link.send(context, JSON.stringify({ query, variables, operationName, extensions }), MUTATION.test(query ?? ''));
      status = answer.status;
      const answered = (status >= 200 && status <= 299) || (refusals && status === 400);
      if (!answered || !answer.contentType?.includes('json')) throw new Error(`HTTP ${status}`);
      const body = parseAnswer(answer.body.toString('utf8'), raw);
      if (!body || typeof body !== 'object' || Array.isArray(body)) throw new Error('the answer is not a GraphQL response');
      return body as GatewayGraphQLResponse;
    } catch (error) {
      throw this.unavailable(error as Error, status);
    }
  }

  /** The client gets an error naming the subgraph and why, never its address nor a stack trace. */
  private unavailable(error: Error, status: number | undefined): GraphQLError {
    const { subgraph, timeoutMs } = this.link;
    const reason = error.name === 'TimeoutError' ? `no answer within ${timeoutMs} ms` : status ? `answered HTTP ${status}` : 'not reachable';
    log.warn({ subgraph, err: error }, 'subgraph call failed');
    return new GraphQLError(`The ${subgraph} subgraph is unavailable (${reason}): its fields are missing from this answer.`, {
      extensions: { code: 'SUBGRAPH_UNAVAILABLE', subgraph },
    });
  }

  /** Adds the subgraph's SQL statement count, and the call, to the request's when the client asked for them. */
  private counted(response: GatewayGraphQLResponse, context: GatewayContext): GatewayGraphQLResponse {
    const trace = context?.trace;
    if (!trace) return response;
    const { subgraph } = this.link;
    trace.subgraphCalls[subgraph] = (trace.subgraphCalls[subgraph] ?? 0) + 1;
    const count = response.extensions?.sqlStatements;
    if (typeof count === 'number') trace.sqlStatements[subgraph] = (trace.sqlStatements[subgraph] ?? 0) + count;
    return response;
  }
}
