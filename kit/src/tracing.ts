import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import type { Logger as TypeOrmLogger } from 'typeorm';
import type { RequestTransaction } from './request-transaction';

/**
 * Per-request counters. A subgraph runs each GraphQL request inside `requestScope`; the
 * database logger counts the SQL statements it sends. With the header `x-moukawil-trace: sql`
 * (outside production) the count comes back in `extensions.sqlStatements`, and the gateway adds
 * up its subgraphs' counts: how N+1 queries are caught in tests and benchmarks.
 */
export interface RequestCounters {
  sql: number;
  /** People whose personal data this request read (for the audit line). */
  personalReads: Set<string>;
  /** Follows the request from the gateway through every subgraph (header x-request-id), and into every log line. */
  requestId: string;
  /** The client's Idempotency-Key, for the mutation of this request (idempotency.ts). */
  idempotencyKey?: string;
  /** The database transaction of a keyed mutation, from its first statement to its answer (request-transaction.ts). */
  transaction?: RequestTransaction;
}

export const requestScope = new AsyncLocalStorage<RequestCounters>();

const REQUEST_ID = /^[\w.:-]{1,100}$/;

/** The caller's x-request-id when it is a sane one (the gateway's, or a client's), else a new one. */
export const requestIdOf = (given: string | string[] | undefined): string => (typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID());

/**
 * Runs the rest of an HTTP request inside its scope: the caller's x-request-id when it is a sane
 * one (the gateway's, or a client's), else a new one; echoed in the response for support calls.
 */
export function withRequestScope(req: Request, res: Response, next: NextFunction): void {
  const requestId = requestIdOf(req.headers['x-request-id']);
  const key = req.headers['idempotency-key'];
  res.set('x-request-id', requestId);
  requestScope.run({ sql: 0, personalReads: new Set(), requestId, idempotencyKey: typeof key === 'string' ? key : undefined }, next);
}

/** The id of the request being served (for contexts and outgoing calls). */
export const currentRequestId = (): string => requestScope.getStore()?.requestId ?? randomUUID();

export const TRACE_HEADER = 'x-moukawil-trace';

export class StatementCounter implements TypeOrmLogger {
  logQuery(): void {
    const counters = requestScope.getStore();
    if (counters) counters.sql++;
  }
  logQueryError(): void {}
  logQuerySlow(): void {}
  logSchemaBuild(): void {}
  logMigration(): void {}
  log(): void {}
}
