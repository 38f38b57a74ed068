import { createHash } from 'node:crypto';
import { HeaderMap, type ApolloServerPlugin, type GraphQLResponse } from '@apollo/server';
import { GraphQLError } from 'graphql';
import type { DataSource, EntityManager, MigrationInterface, QueryRunner } from 'typeorm';
import type { Viewer } from './identity';
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

/** A write transaction that also claims the request's idempotency key, if it carries one. */
export async function writeTransaction<T>(db: DataSource, work: (tx: EntityManager) => Promise<T>): Promise<T> {
  const scope = requestScope.getStore();
  const claim = scope ? claims.get(scope) : undefined;
  const result = await db.transaction(async (tx) => {
    if (claim && !claim.committed) {
      // Waits for a concurrent request with the same key, then finds its row: only one applies.
      const inserted = await tx.query(
        `INSERT INTO idempotency_key (subject, key, request_hash) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING 1`,
        [claim.subject, claim.key, claim.hash],
      );
      if (inserted.length === 0) throw new GraphQLError('A request with this Idempotency-Key has just been applied: retry to get its answer.', { extensions: { code: 'CONFLICT' } });
    }
    return work(tx);
  });
  if (claim) claim.committed = true;
  return result;
}

/** Replays the stored answer of a key already applied; refuses a key reused for another request. */
export function idempotencyPlugin(): ApolloServerPlugin<{ viewer: Viewer; db: DataSource }> {
  return {
    async requestDidStart() {
      return {
        async responseForOperation({ operation, request, contextValue }) {
          const scope = requestScope.getStore();
          const key = scope?.idempotencyKey;
          if (!scope || !key || operation.operation !== 'mutation') return null;
          if (!KEY.test(key)) return refusal('BAD_USER_INPUT', 'Idempotency-Key must be 8 to 200 letters, digits or ._:- (a UUID is a good one).');
          const subject = contextValue.viewer.subject ?? 'anonymous';
          const hash = createHash('sha256').update(`${request.query}\n${JSON.stringify(request.variables ?? {})}`).digest('hex');
          const [row] = await contextValue.db.query(`SELECT request_hash, response FROM idempotency_key WHERE subject = $1 AND key = $2`, [subject, key]);
          if (row && row.request_hash !== hash) return refusal('BAD_USER_INPUT', 'This Idempotency-Key was used for a different request.');
          if (row && row.response) {
            const headers = new HeaderMap([['idempotent-replay', 'true']]);
            return { http: { status: 200, headers }, body: { kind: 'single', singleResult: row.response } };
          }
          if (row) return refusal('CONFLICT', 'A request with this Idempotency-Key was applied, but its answer is not available.');
          claims.set(scope, { subject, key, hash, committed: false });
          return null;
        },
        async willSendResponse({ response, contextValue }) {
          const scope = requestScope.getStore();
          const claim = scope ? claims.get(scope) : undefined;
          if (!claim?.committed || response.body.kind !== 'single') return;
          const { data, errors } = response.body.singleResult;
          await contextValue.db.query(`UPDATE idempotency_key SET response = $3 WHERE subject = $1 AND key = $2`, [claim.subject, claim.key, JSON.stringify({ data, errors })]);
        },
      };
    },
  };
}
