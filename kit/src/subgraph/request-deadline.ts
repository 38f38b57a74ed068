import type { IncomingHttpHeaders, ServerResponse } from 'node:http';
import { GraphQLError } from 'graphql';
import { envInt } from '../core/config';
import { DEADLINE_HEADER } from '../core/headers';
import { log } from '../core/log';
import type { RequestScope } from '../core/request-scope';

// Read once: these are on every request's path.
const DEADLINE_MS = envInt('SUBGRAPH_DEADLINE_MS', 10_000, 100);
const STATEMENT_TIMEOUT_MS = envInt('SUBGRAPH_STATEMENT_TIMEOUT_MS', 5_000, 100);
const MAX_ANSWER_BYTES = envInt('SUBGRAPH_MAX_ANSWER_BYTES', 32 * 1024 * 1024, 1024);

/**
 * No single request holds a subgraph: each one gets a deadline, SUBGRAPH_DEADLINE_MS (default
 * 10,000) or the shorter time the gateway says it will wait (x-moukawil-timeout-ms), and is
 * abandoned when its caller goes away before its answer. An abandoned request sends no further
 * SQL statement (database.ts refuses it, so a plan of many batches stops at the next one); the
 * statement running then is bounded by SUBGRAPH_STATEMENT_TIMEOUT_MS. A mutation stopped so
 * rolls back, whole.
 */
export function bound(scope: RequestScope, headers: IncomingHttpHeaders, res: ServerResponse): void {
  const own = DEADLINE_MS;
  const given = Number(headers[DEADLINE_HEADER]);
  const budget = Number.isInteger(given) && given > 0 ? Math.min(own, given) : own;
  scope.deadline = Date.now() + budget;
  res.once('close', () => {
    if (res.writableFinished || scope.abandoned) return;
    scope.abandoned = 'its caller went away';
    log.info({ reason: scope.abandoned }, 'request abandoned');
  });
}

/** Refuses to go on with a request past its deadline or abandoned by its caller (logged once per request). */
export function assertStillWanted(scope: RequestScope | undefined): void {
  if (!scope?.deadline) return;
  if (!scope.abandoned && Date.now() > scope.deadline) scope.abandoned = 'its deadline passed';
  if (scope.abandoned) {
    if (!scope.stopped) log.warn({ reason: scope.abandoned }, 'request stopped');
    scope.stopped = true;
    throw new GraphQLError(`This request was stopped: ${scope.abandoned}. Ask for less (smaller pages, fewer nested lists) or retry.`, {
      extensions: { code: 'DEADLINE_EXCEEDED' },
    });
  }
}

/**
 * What is left of a request's time, for a write transaction's own statement timeout (SET LOCAL):
 * a write waiting on a lock stops at the request's deadline, not at the pool's statement timeout.
 */
export function remainingMs(scope: RequestScope | undefined): number | null {
  return scope?.deadline ? Math.max(1, Math.min(STATEMENT_TIMEOUT_MS, scope.deadline - Date.now())) : null;
}

/** The statement timeout of a serving connection: no one SQL statement runs longer. */
export const statementTimeoutMs = () => STATEMENT_TIMEOUT_MS;

/** The largest answer a subgraph sends (SUBGRAPH_MAX_ANSWER_BYTES, default 32 MiB): a larger one is an error. */
export const maxAnswerBytes = () => MAX_ANSWER_BYTES;
