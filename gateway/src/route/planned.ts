import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { formatError, log, plansExecuted } from '@moukawil/kit/core';
import type { Federation, PlannedOperation } from '../apollo';
import type { SubgraphFetches } from '../execution/fetch';
import type { ExecutorCheck } from '../execution/check';
import { executePlan, type SubgraphCall } from '../execution/execute';
import { preparePlan, type PreparedPlan } from '../execution/prepare';
import { stringifyAnswer } from '../execution/raw-json';

/** An answer ready to write: its status and JSON body. */
export interface Answer {
  status: number;
  body: string | Buffer;
}

/** An error as clients get it: GraphQL's shape, a code always, nothing internal (kit formatError). */
export function formatted(error: unknown): GraphQLFormattedError {
  const graphQLError =
    error instanceof GraphQLError ? error : new GraphQLError((error as Error)?.message ?? 'Internal error', { originalError: error as Error });
  const json = graphQLError.toJSON();
  const { http: _status, ...extensions } = json.extensions ?? {};
  return formatError({ ...json, extensions: { ...extensions, code: extensions.code ?? 'INTERNAL_SERVER_ERROR' } }, graphQLError);
}

/** A GraphQL response's body, errors first (a body that starts with `{"data":` has none); subgraphs' text spliced in as it came. */
export function responseBody(result: { errors?: readonly unknown[]; data?: unknown; extensions?: unknown }): string {
  return stringifyAnswer({
    ...(result.errors?.length ? { errors: result.errors.map(formatted) } : {}),
    ...(result.data !== undefined ? { data: result.data } : {}),
    ...(result.extensions ? { extensions: result.extensions } : {}),
  });
}

/** How one operation text is answered, kept per text by request.ts. */
export interface Route {
  /** The subgraph that answers it whole, or null. */
  subgraph: string | null;
  /** Its plan prepared for the gateway's executor (null: Apollo Gateway's runs it), once first needed. */
  plan?: PreparedPlan | null;
}

/**
 * Everything not answered whole by one subgraph: Apollo's query plan, run by the gateway's
 * executor (execution/execute.ts), or by Apollo Gateway's for the few operations it leaves to it
 * (execution/prepare.ts). The plan is prepared once per operation text and kept on its route.
 */
export function plannedRoute(federation: Federation, fetches: Map<string, SubgraphFetches>, check: ExecutorCheck | null) {
  const call: SubgraphCall = (service, requests, context) => fetches.get(service)!.all(requests, context);
  const prepare = ({ document, operation, operationName }: PlannedOperation) =>
    preparePlan(federation.schema, federation.supergraphSchema, federation.plan(document, operationName), document, operation);

  return async function executePlanned(route: Route, operation: PlannedOperation): Promise<Answer> {
    try {
      if (route.plan === undefined) route.plan = prepare(operation);
      const plan = route.plan;
      plansExecuted.inc({ executor: plan ? 'gateway' : 'apollo' });
      if (!plan) return answerOf(await federation.execute(operation));
      if (!check) return answerOf(await executePlan(plan, operation.variables ?? {}, operation.context, call));
      const recording = check.recording(call);
      const ours = answerOf(await executePlan(plan, operation.variables ?? {}, operation.context, recording.call));
      const apollo = answerOf(await recording.replay(operation));
      if (ours.status === apollo.status && ours.body === apollo.body) return ours;
      log.error({ ours, apollo, query: operation.query }, "the gateway's executor and Apollo's answered differently");
      const mismatch = { message: "The gateway's executor and Apollo Gateway's answered differently", extensions: { code: 'EXECUTOR_MISMATCH', ours, apollo } };
      return { status: 500, body: responseBody({ errors: [mismatch] }) };
    } catch (error) {
      log.error({ err: error }, 'query plan execution failed');
      return { status: 500, body: responseBody({ errors: [new GraphQLError('Internal error', { extensions: { code: 'INTERNAL_SERVER_ERROR' } })] }) };
    }
  };
}

/** The answer of an executed plan: the HTTP status an error asks for (extensions.http), else 200. */
function answerOf(result: { errors?: readonly GraphQLError[] | readonly GraphQLFormattedError[]; data?: unknown; extensions?: unknown }): Answer {
  const status =
    (result.errors?.find((e) => (e.extensions?.http as { status?: number } | undefined)?.status)?.extensions?.http as { status: number } | undefined)?.status ??
    200;
  return { status, body: responseBody(result) };
}
