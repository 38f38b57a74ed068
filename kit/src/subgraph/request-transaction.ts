import { getOperationAST, parse } from 'graphql';
import type { DataSource, EntityManager, QueryRunner } from 'typeorm';
import { changeFeed } from './change-feed';
import { faultPoint } from './faults';
import { log } from '../core/log';
import { requestScope } from '../core/request-scope';

/**
 * A mutation sent with an Idempotency-Key runs in one database transaction from its first
 * statement to its answer: the write, the key and the answer the client gets commit together
 * (idempotency.ts), so a crash at any moment leaves either all of them (a retry gets the stored
 * answer) or none (a retry applies the mutation). The reads of the same request (the fields of
 * the answer) go through the same connection, so they see the write. Writes inside it
 * (writeTransaction) are savepoints: a refused mutation undoes its own writes only.
 */
export interface RequestTransaction {
  runner: QueryRunner;
  /** Audit lines of the request's writes, logged once it has committed. */
  lines: Array<Record<string, unknown>>;
}

function isMutation(body: unknown): boolean {
  const { query, operationName } = (body ?? {}) as { query?: unknown; operationName?: unknown };
  if (typeof query !== 'string') return false;
  try {
    return getOperationAST(parse(query), typeof operationName === 'string' ? operationName : undefined)?.operation === 'mutation';
  } catch {
    return false; // Apollo Server refuses it next, with its own message
  }
}

/**
 * The database a request works with: a connection of its own, for a transaction begun by the
 * idempotency plugin, when it is a mutation with an Idempotency-Key; the pool otherwise.
 */
export function requestDatabase(dataSource: DataSource, body: unknown): EntityManager {
  const scope = requestScope.getStore();
  if (!scope?.idempotencyKey || !isMutation(body)) return dataSource.manager;
  const runner = dataSource.createQueryRunner(); // connects on its first statement
  scope.transaction = { runner, lines: [] };
  return runner.manager;
}

/** The transaction of the request being served, if it has one. */
export const requestTransaction = (): RequestTransaction | undefined => requestScope.getStore()?.transaction as RequestTransaction | undefined;

/**
 * Commits the request's transaction, `last` being its final statements, then logs the audit lines
 * of its writes; on any failure rolls it back and rethrows. Always gives the connection back.
 */
export async function finishRequestTransaction(transaction: RequestTransaction, last?: (tx: EntityManager) => Promise<unknown>): Promise<void> {
  const { runner } = transaction;
  try {
    if (runner.isTransactionActive) {
      if (last) await last(runner.manager);
      await runner.commitTransaction();
      changeFeed.wrote();
      faultPoint('after-commit');
    }
    for (const line of transaction.lines) log.info(line, 'audit');
  } catch (error) {
    if (runner.isTransactionActive && !runner.isReleased) await runner.rollbackTransaction().catch(() => undefined);
    throw error;
  } finally {
    transaction.lines = [];
    await releaseRequestTransaction(transaction);
  }
}

/** Gives the connection back, rolling back what was not committed (a request that ended without an answer). */
export async function releaseRequestTransaction({ runner }: RequestTransaction): Promise<void> {
  if (runner.isReleased) return;
  if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
  await runner.release();
}
