import { AsyncLocalStorage } from 'node:async_hooks';
import type { Logger as TypeOrmLogger } from 'typeorm';

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
}

export const requestScope = new AsyncLocalStorage<RequestCounters>();

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
