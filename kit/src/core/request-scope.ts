import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import { trace } from '@opentelemetry/api';
import type { IncomingHttpHeaders } from 'node:http';

/**
 * What one request carries through its asynchronous calls, in the gateway and in every subgraph:
 * its id (x-request-id, in every log line) and, in a subgraph, its SQL statement count (sent back
 * with `x-moukawil-trace: sql`, outside production: how N+1 queries are caught in tests and
 * benchmarks), the people whose data it read (the audit line) and a keyed mutation's transaction.
 */
export interface RequestScope {
  requestId: string;
  /** The client's Idempotency-Key (the subgraph's idempotency.ts keeps the mutation to it). */
  idempotencyKey?: string;
  sql: number;
  personalReads: Set<string>;
  /** A keyed mutation's database transaction (subgraph/request-transaction.ts owns its type). */
  transaction?: unknown;
  /** The request wrote an audit line (a search on personal data does, a query though it is). */
  wroteAudit?: boolean;
  /** In a subgraph: when its work must be done (epoch ms), and why it stopped early, if it did (request-deadline.ts). */
  deadline?: number;
  abandoned?: string;
  stopped?: boolean;
}

export const requestScope = new AsyncLocalStorage<RequestScope>();

const REQUEST_ID = /^[\w.:-]{1,100}$/;

/**
 * The caller's x-request-id when it is a sane one (the gateway's, or a client's), else a new one;
 * noted on the request's trace span, when traces are on (telemetry.ts), to find one from the other.
 */
function requestIdOf(given: string | string[] | undefined): string {
  const requestId = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
  trace.getActiveSpan()?.setAttribute('moukawil.request_id', requestId);
  return requestId;
}

/**
 * A new HTTP request's scope: the caller's x-request-id when it is a sane one (the gateway's, or a
 * client's), else a new one (echoed in the response for support calls), and its Idempotency-Key.
 */
export function scopeOf(headers: IncomingHttpHeaders): RequestScope {
  const key = headers['idempotency-key'];
  return { requestId: requestIdOf(headers['x-request-id']), idempotencyKey: typeof key === 'string' ? key : undefined, sql: 0, personalReads: new Set() };
}

/** The id of the request being served (for contexts and outgoing calls). */
export const currentRequestId = (): string => requestScope.getStore()?.requestId ?? randomUUID();

export const TRACE_HEADER = 'x-moukawil-trace';
