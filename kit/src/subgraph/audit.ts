import { AsyncLocalStorage } from 'node:async_hooks';
import type { EntityManager } from 'typeorm';
import type { Viewer } from '../core/tokens';
import { log } from '../core/log';
import { requestTransaction } from './request-transaction';
import { requestScope } from '../core/request-scope';

/** The write lines of the transaction being run (auditedOnCommit). */
const uncommitted = new AsyncLocalStorage<Array<Record<string, unknown>>>();

/**
 * Audit trail (law 09-08): every write, and every read of personal data by a role other than
 * the national office, gives one structured log line `{"audit": …}`. Writes are also kept in a
 * table of the owning subgraph (registry_event, enrolment_event, target_revision, assessment).
 */
export function auditWrite(viewer: Viewer, action: string, subject: Record<string, unknown>): void {
  auditLine({ audit: 'write', action, actor: viewer.subject, role: viewer.role, region: viewer.region, ...subject });
}

/** Logs an audit line, or keeps it until the transaction being run commits (auditedOnCommit). */
export function auditLine(line: Record<string, unknown>): void {
  const pending = uncommitted.getStore();
  if (pending) pending.push(line);
  else log.info(line, 'audit');
}

/**
 * Runs a transaction whose write lines are logged once it has committed, and dropped if it
 * fails: the trail never names a write that did not happen. (writeTransaction runs every
 * mutation's transaction so.)
 */
export async function auditedOnCommit<T>(transaction: () => Promise<T>): Promise<T> {
  const lines: Array<Record<string, unknown>> = [];
  const result = await uncommitted.run(lines, transaction);
  // Inside a keyed mutation's request transaction, the commit is the request's (request-transaction.ts).
  const enclosing = requestTransaction();
  if (enclosing?.runner.isTransactionActive) enclosing.lines.push(...lines);
  else for (const line of lines) log.info(line, 'audit');
  return result;
}

/** Notes that this request read a person's data; one line per request sums them up (see auditReads). */
export function notePersonalRead(_viewer: Viewer, personId: string): void {
  requestScope.getStore()?.personalReads.add(personId);
}

/**
 * Called once at the end of a request: the people it read, whoever the caller (the national office
 * included), as one row of the subgraph's audit trail and one log line.
 */
export async function auditReads(db: EntityManager, viewer: Viewer, operation: string | undefined): Promise<void> {
  const reads = requestScope.getStore()?.personalReads;
  if (!reads || reads.size === 0) return;
  const people = [...reads];
  await db.query(`INSERT INTO audit_trail (actor, role, region, action, people, detail, request_id) VALUES ($1, $2, $3, 'PERSONAL_DATA_READ', $4, $5, $6)`, [
    viewer.subject ?? 'anonymous',
    viewer.role,
    viewer.region,
    people,
    JSON.stringify({ operation: operation ?? null }),
    requestScope.getStore()?.requestId ?? null,
  ]);
  log.info(
    {
      audit: 'personal-data-read',
      actor: viewer.subject,
      role: viewer.role,
      region: viewer.region,
      operation,
      people: people.length,
      ids: people.slice(0, 50),
    },
    'audit',
  );
}
