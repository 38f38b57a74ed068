import { HeaderMap, type ApolloServerPlugin, type GraphQLRequest, type GraphQLResponse } from '@apollo/server';
import { GraphQLError, type OperationTypeNode } from 'graphql';
import type { DataSource, EntityManager, MigrationInterface, QueryRunner } from 'typeorm';
import { auditedOnCommit } from './audit';
import { changeFeed } from './change-feed';
import { finishRequestTransaction, requestTransaction } from './request-transaction';
import { envInt } from '../core/config';
import { isDatabaseUnavailable } from '../core/errors';
import type { Viewer } from '../core/tokens';
import { log } from '../core/log';
import { remainingMs } from './request-deadline';
import { requestScope } from '../core/request-scope';
import { FINGERPRINT_HEADER, PART_HEADER, requestFingerprint } from '../core/headers';

/**
 * Retries of a mutation with the same Idempotency-Key header do not apply it twice. The key is
 * claimed inside the mutation's own transaction (writeTransaction), and the answer is stored in
 * the request's transaction before it commits (request-transaction.ts): a mutation, its key and
 * its answer commit together or not at all, and later retries get that answer replayed. Keys
 * belong to the caller (token subject): two callers never share one.
 */
export class IdempotencyKeys1732900000000 implements MigrationInterface {
  name = 'IdempotencyKeys1732900000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE TABLE idempotency_key (
      subject varchar(200) NOT NULL, key varchar(200) NOT NULL, request_hash char(64) NOT NULL,
      response jsonb, created_at timestamptz NOT NULL DEFAULT now(), PRIMARY KEY (subject, key))`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE idempotency_key`);
  }
}

/** How long a key is remembered (IDEMPOTENCY_TTL_HOURS, default 24): retries come within minutes, not days. */
const ttlHours = () => envInt('IDEMPOTENCY_TTL_HOURS', 24, 1, 24 * 90);

/** Forgets the keys older than the TTL; returns how many. */
export async function purgeIdempotencyKeys(db: DataSource): Promise<number> {
  const [, deleted] = await db.query(`DELETE FROM idempotency_key WHERE created_at < now() - make_interval(hours => $1)`, [ttlHours()]);
  return deleted ?? 0;
}

/** Purges at start and every IDEMPOTENCY_PURGE_SECONDS (default 3600); returns how to stop. */
export function schedulePurge(db: DataSource): () => void {
  const run = () =>
    purgeIdempotencyKeys(db).then(
      (deleted) => deleted > 0 && log.info({ deleted }, 'expired idempotency keys purged'),
      (error) => log.warn({ err: error }, 'idempotency key purge failed; retried at the next run'),
    );
  void run();
  const timer = setInterval(run, envInt('IDEMPOTENCY_PURGE_SECONDS', 3600, 1) * 1000);
  timer.unref();
  return () => clearInterval(timer);
}

interface Claim {
  subject: string;
  /** The key as stored: the client's, with "#n" for the n-th mutation a gateway sends here in one request. */
  key: string;
  hash: string;
  /** The mutation's writes and the claim are in the request's transaction (not yet committed). */
  applied: boolean;
  /** Another request with this key committed first while this one waited for it. */
  beaten: boolean;
  /** The answer holds a secret shown once (answerShownOnce): what a replay answers instead. */
  shownOnce?: string;
}

const claims = new WeakMap<object, Claim>();
const KEY = /^[\w.:-]{8,200}$/;

// Status 200: the gateway reads a subgraph's 4xx as the subgraph failing; the code says what happened.
const refusal = (code: string, message: string): GraphQLResponse => ({
  http: { status: 200, headers: new HeaderMap() },
  body: { kind: 'single', singleResult: { errors: [{ message, extensions: { code } }] } },
});

const replay = (response: unknown): GraphQLResponse => ({
  http: { status: 200, headers: new HeaderMap([['idempotent-replay', 'true']]) },
  body: { kind: 'single', singleResult: response as Record<string, unknown> },
});

/** Marks a request that found its key applied by another, concurrent one: answered with that one's answer (willSendResponse). */
const BEATEN = 'A request with this Idempotency-Key has just been applied: retry to get its answer.';

/**
 * A refusal whose records are kept: thrown inside writeTransaction, it commits what the work
 * recorded before it (an audit row, a spent lookup: the refusal itself told the caller
 * something) but not the write, nor the Idempotency-Key's claim, then answers `refusal`.
 */
export class RecordedRefusal extends Error {
  constructor(readonly refusal: Error) {
    super(refusal.message);
  }
}

/**
 * A write transaction that also claims the request's idempotency key, if it carries one; its
 * audit lines are logged once it has committed. Inside a keyed mutation's request transaction it
 * is a savepoint, committed with the key and the answer (request-transaction.ts).
 */
export async function writeTransaction<T>(db: EntityManager, work: (tx: EntityManager) => Promise<T>): Promise<T> {
  const scope = requestScope.getStore();
  const claim = scope ? claims.get(scope) : undefined;
  const result = await auditedOnCommit(() =>
    db.transaction(async (tx): Promise<{ done: T } | { refused: RecordedRefusal }> => {
      // A write waiting on a lock stops at the request's deadline (request-deadline.ts).
      const left = remainingMs(scope);
      if (left !== null) await tx.query(`SET LOCAL statement_timeout = ${left}`);
      const claiming = claim && !claim.applied;
      if (claiming) {
        // Waits for a concurrent request with the same key to commit or roll back, then finds its row: only one applies.
        const inserted = await tx.query(`INSERT INTO idempotency_key (subject, key, request_hash) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING 1`, [
          claim.subject,
          claim.key,
          claim.hash,
        ]);
        if (inserted.length === 0) {
          claim.beaten = true;
          throw new GraphQLError(BEATEN, { extensions: { code: 'CONFLICT' } });
        }
      }
      try {
        return { done: await work(tx) };
      } catch (error) {
        if (!(error instanceof RecordedRefusal)) throw error;
        // The key stays free for a request that is applied; the records made so far are committed.
        if (claiming) await tx.query(`DELETE FROM idempotency_key WHERE subject = $1 AND key = $2`, [claim.subject, claim.key]);
        return { refused: error };
      }
    }),
  );
  if ('refused' in result) throw result.refused.refusal;
  if (claim) claim.applied = true;
  if (!requestTransaction()) changeFeed.wrote(); // else once the request's transaction commits
  return result.done;
}

/**
 * The answer of this keyed mutation holds a secret that is shown once and never stored (an API
 * key): the stored answer, which a retry with the same Idempotency-Key gets, is a CONFLICT saying
 * `message` instead. Outside a keyed mutation there is nothing stored, and this does nothing.
 */
export function answerShownOnce(message: string): void {
  const scope = requestScope.getStore();
  const claim = scope ? claims.get(scope) : undefined;
  if (claim) claim.shownOnce = message;
}

/** The stored answer of a key already applied, a refusal, or null to run the mutation (claiming the key). */
async function lookup(request: GraphQLRequest, operation: OperationTypeNode | undefined, viewer: Viewer): Promise<GraphQLResponse | null> {
  const scope = requestScope.getStore();
  const given = scope?.idempotencyKey;
  if (!scope || !given || operation !== 'mutation') return null;
  if (!KEY.test(given)) return refusal('BAD_USER_INPUT', 'Idempotency-Key must be 8 to 200 letters, digits or ._:- (a UUID is a good one).');
  const transaction = requestTransaction();
  if (!transaction) throw new Error('a keyed mutation reached the idempotency plugin without its request transaction');
  await transaction.runner.startTransaction();
  const db = transaction.runner.manager;
  const headers = request.http?.headers;
  const part = Number(headers?.get(PART_HEADER) ?? 1);
  const key = Number.isInteger(part) && part > 1 ? `${given}#${part}` : given;
  const forwarded = headers?.get(FINGERPRINT_HEADER);
  const hash = forwarded && /^[0-9a-f]{64}$/.test(forwarded) ? forwarded : requestFingerprint(request.query ?? '', request.variables, request.operationName);
  const subject = viewer.subject ?? 'anonymous';
  // An expired key is free again, even before the next purge.
  await db.query(`DELETE FROM idempotency_key WHERE subject = $1 AND key = $2 AND created_at < now() - make_interval(hours => $3)`, [subject, key, ttlHours()]);
  const [row] = await db.query(`SELECT request_hash, response FROM idempotency_key WHERE subject = $1 AND key = $2`, [subject, key]);
  if (row && row.request_hash !== hash) return refusal('BAD_USER_INPUT', 'This Idempotency-Key was used for a different request.');
  if (row && row.response) return replay(row.response);
  // Only a key claimed before answers were stored with their write can lack one.
  if (row) return refusal('CONFLICT', 'A request with this Idempotency-Key was applied, but its answer is not available.');
  claims.set(scope, { subject, key, hash, applied: false, beaten: false });
  return null;
}

const unavailable = () =>
  refusal('SERVICE_UNAVAILABLE', 'The database is unavailable for a moment: retry shortly with the same Idempotency-Key (the mutation is applied once).');

/**
 * Replays the stored answer of a key already applied; refuses a key reused for another request;
 * stores a new answer in the same transaction as its write and commits both before it is sent.
 */
export function idempotencyPlugin(): ApolloServerPlugin<{ viewer: Viewer }> {
  return {
    async requestDidStart() {
      return {
        async responseForOperation({ operation, request, contextValue }) {
          try {
            return await lookup(request, operation?.operation, contextValue.viewer); // no operation: an unknown operationName, refused by Apollo next
          } catch (error) {
            // Never a 500: the database being down is said as such, and the mutation is not run.
            if (isDatabaseUnavailable(error)) return unavailable();
            throw error;
          }
        },
        async willSendResponse({ response }) {
          const scope = requestScope.getStore();
          const transaction = requestTransaction();
          if (!scope || !transaction) return;
          const claim = claims.get(scope);
          const single = response.body.kind === 'single' ? response.body : null;
          try {
            if (claim?.beaten && !claim.applied && single) {
              // The request that won committed its answer before this one's claim gave way: that answer is this one's.
              const [row] = await transaction.runner.manager.query(`SELECT request_hash, response FROM idempotency_key WHERE subject = $1 AND key = $2`, [
                claim.subject,
                claim.key,
              ]);
              if (row?.response && row.request_hash === claim.hash) {
                single.singleResult = row.response;
                response.http.headers.set('idempotent-replay', 'true');
              }
            }
            const stored = claim?.shownOnce
              ? { data: null, errors: [{ message: claim.shownOnce, extensions: { code: 'CONFLICT' } }] }
              : { data: single?.singleResult.data, errors: single?.singleResult.errors };
            const answer = claim?.applied && single ? JSON.stringify(stored) : null;
            await finishRequestTransaction(
              transaction,
              answer === null
                ? undefined
                : (tx) => tx.query(`UPDATE idempotency_key SET response = $3 WHERE subject = $1 AND key = $2`, [claim!.subject, claim!.key, answer]),
            );
          } catch (error) {
            // Nothing of this request was committed (or its commit was not confirmed): a retry with the key applies it once.
            log.warn({ err: error }, 'a keyed mutation could not commit');
            response.http.status = 200;
            response.body = unavailable().body;
          }
        },
      };
    },
  };
}
