import { createHash } from 'node:crypto';
import { HeaderMap, type ApolloServerPlugin, type GraphQLRequest, type GraphQLResponse } from '@apollo/server';
import { GraphQLError, type OperationTypeNode } from 'graphql';
import type { DataSource, EntityManager, MigrationInterface, QueryRunner } from 'typeorm';
import { auditedOnCommit } from './audit';
import { envInt } from './config';
import { isDatabaseUnavailable } from './errors';
import type { Viewer } from './identity';
import { log } from './log';
import { requestScope } from './tracing';

/**
 * Retries of a mutation with the same Idempotency-Key header do not apply it twice. The key is
 * claimed inside the mutation's own transaction (writeTransaction), so a mutation and its key
 * commit together or not at all; the answer is stored afterwards and replayed to later retries.
 * Keys belong to the caller (token subject): two callers never share one.
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
  const run = () => purgeIdempotencyKeys(db).then(
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
  key: string;
  hash: string;
  committed: boolean;
}

const claims = new WeakMap<object, Claim>();
const KEY = /^[\w.:-]{8,200}$/;

// Status 200: the gateway reads a subgraph's 4xx as the subgraph failing; the code says what happened.
const refusal = (code: string, message: string): GraphQLResponse => ({
  http: { status: 200, headers: new HeaderMap() },
  body: { kind: 'single', singleResult: { errors: [{ message, extensions: { code } }] } },
});

/** A write transaction that also claims the request's idempotency key, if it carries one; its audit lines are logged once it has committed. */
export async function writeTransaction<T>(db: DataSource, work: (tx: EntityManager) => Promise<T>): Promise<T> {
  const scope = requestScope.getStore();
  const claim = scope ? claims.get(scope) : undefined;
  const result = await auditedOnCommit(() => db.transaction(async (tx) => {
    if (claim && !claim.committed) {
      // Waits for a concurrent request with the same key, then finds its row: only one applies.
      const inserted = await tx.query(
        `INSERT INTO idempotency_key (subject, key, request_hash) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING 1`,
        [claim.subject, claim.key, claim.hash],
      );
      if (inserted.length === 0) throw new GraphQLError('A request with this Idempotency-Key has just been applied: retry to get its answer.', { extensions: { code: 'CONFLICT' } });
    }
    return work(tx);
  }));
  if (claim) claim.committed = true;
  return result;
}

/** The stored answer of a key already applied, a refusal, or null to run the mutation (claiming the key). */
async function lookup(request: GraphQLRequest, operation: OperationTypeNode | undefined, contextValue: { viewer: Viewer; db: DataSource }): Promise<GraphQLResponse | null> {
  const scope = requestScope.getStore();
  const key = scope?.idempotencyKey;
  if (!scope || !key || operation !== 'mutation') return null;
  if (!KEY.test(key)) return refusal('BAD_USER_INPUT', 'Idempotency-Key must be 8 to 200 letters, digits or ._:- (a UUID is a good one).');
  const subject = contextValue.viewer.subject ?? 'anonymous';
  const hash = createHash('sha256').update(`${request.query}\n${JSON.stringify(request.variables ?? {})}`).digest('hex');
  // An expired key is free again, even before the next purge.
  await contextValue.db.query(`DELETE FROM idempotency_key WHERE subject = $1 AND key = $2 AND created_at < now() - make_interval(hours => $3)`, [subject, key, ttlHours()]);
  const [row] = await contextValue.db.query(`SELECT request_hash, response FROM idempotency_key WHERE subject = $1 AND key = $2`, [subject, key]);
  if (row && row.request_hash !== hash) return refusal('BAD_USER_INPUT', 'This Idempotency-Key was used for a different request.');
  if (row && row.response) {
    const headers = new HeaderMap([['idempotent-replay', 'true']]);
    return { http: { status: 200, headers }, body: { kind: 'single', singleResult: row.response } };
  }
  if (row) return refusal('CONFLICT', 'A request with this Idempotency-Key was applied, but its answer is not available.');
  claims.set(scope, { subject, key, hash, committed: false });
  return null;
}

/** Replays the stored answer of a key already applied; refuses a key reused for another request. */
export function idempotencyPlugin(): ApolloServerPlugin<{ viewer: Viewer; db: DataSource }> {
  return {
    async requestDidStart() {
      return {
        async responseForOperation({ operation, request, contextValue }) {
          try {
            return await lookup(request, operation?.operation, contextValue); // no operation: an unknown operationName, refused by Apollo next
          } catch (error) {
            // Never a 500: the database being down is said as such, and the mutation is not run.
            if (isDatabaseUnavailable(error)) return refusal('SERVICE_UNAVAILABLE', 'The database is unavailable for a moment: retry shortly with the same Idempotency-Key.');
            throw error;
          }
        },
        async willSendResponse({ response, contextValue }) {
          const scope = requestScope.getStore();
          const claim = scope ? claims.get(scope) : undefined;
          if (!claim?.committed || response.body.kind !== 'single') return;
          const { data, errors } = response.body.singleResult;
          // The write is committed; if its answer cannot be kept, a retry is told so (CONFLICT), never re-applied.
          await contextValue.db.query(`UPDATE idempotency_key SET response = $3 WHERE subject = $1 AND key = $2`, [claim.subject, claim.key, JSON.stringify({ data, errors })])
            .catch((error: unknown) => log.warn({ err: error }, 'could not keep the answer of an idempotent write'));
        },
      };
    },
  };
}
