import type { DataSource, EntityManager, MigrationInterface, QueryRunner } from 'typeorm';
import { auditLine, auditWrite } from './audit';
import { envInt } from '../core/config';
import { log } from '../core/log';
import type { Viewer } from '../core/tokens';
import { requestScope } from '../core/request-scope';

/**
 * The audit trail of personal data (law 09-08) in the owning subgraph's own database: who
 * (subject, role, region), what (an action, the people it concerned, details), when, and in which
 * request. The database keeps it append-only, as the register keeps its history: UPDATE, DELETE
 * and TRUNCATE are refused by trigger. `budgeted` rows are lookups counted against the caller's
 * budget (see spentLookups).
 */
export class AuditTrail1733000000000 implements MigrationInterface {
  name = 'AuditTrail1733000000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE TABLE audit_trail (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      at timestamptz NOT NULL DEFAULT now(),
      actor varchar(200) NOT NULL, role varchar(12), region varchar(5),
      action varchar(60) NOT NULL,
      people uuid[] NOT NULL DEFAULT '{}',
      detail jsonb NOT NULL DEFAULT '{}',
      request_id varchar(100),
      budgeted boolean NOT NULL DEFAULT false)`);
    await db.query(`CREATE INDEX audit_trail_budget ON audit_trail (actor, at) WHERE budgeted`);
    await db.query(`CREATE INDEX audit_trail_actor ON audit_trail (actor, id)`);
    await db.query(`CREATE INDEX audit_trail_people ON audit_trail USING gin (people)`);
    await db.query(`CREATE INDEX audit_trail_at ON audit_trail (at)`);
    await db.query(`CREATE FUNCTION audit_trail_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'the audit trail is append-only: % is not allowed', TG_OP; END $$`);
    await db.query(`CREATE TRIGGER audit_trail_append_only BEFORE UPDATE OR DELETE ON audit_trail FOR EACH ROW EXECUTE FUNCTION audit_trail_refuse_change()`);
    await db.query(`CREATE TRIGGER audit_trail_never_truncated BEFORE TRUNCATE ON audit_trail FOR EACH STATEMENT EXECUTE FUNCTION audit_trail_refuse_change()`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE audit_trail`);
    await db.query(`DROP FUNCTION audit_trail_refuse_change()`);
  }
}

export interface AuditEntry {
  /** What was done, e.g. SEARCH_BY_NATIONAL_ID. */
  action: string;
  /** The people it concerned (ids), e.g. the matches of a search. */
  people?: string[];
  detail?: Record<string, unknown>;
  /** Counts against the caller's lookup budget. */
  budgeted?: boolean;
}

/** Records one entry of the trail (and its log line, once the surrounding transaction commits). */
export async function recordAudit(db: DataSource | EntityManager, viewer: Viewer, entry: AuditEntry): Promise<void> {
  const actor = viewer.subject ?? 'anonymous';
  const people = entry.people ?? [];
  const scope = requestScope.getStore();
  const requestId = scope?.requestId ?? null;
  if (scope) scope.wroteAudit = true;
  await db.query(`INSERT INTO audit_trail (actor, role, region, action, people, detail, request_id, budgeted) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`, [
    actor,
    viewer.role,
    viewer.region,
    entry.action,
    people,
    JSON.stringify(entry.detail ?? {}),
    requestId,
    entry.budgeted ?? false,
  ]);
  auditLine({
    audit: 'personal-data',
    action: entry.action,
    actor,
    role: viewer.role,
    region: viewer.region,
    people: people.length,
    ids: people.slice(0, 50),
    ...entry.detail,
  });
}

/**
 * How many budgeted lookups the caller made in the last `windowHours`. Takes a transaction-long
 * lock on the caller first, so that concurrent lookups (aliases of one request, parallel
 * requests) are counted one after the other and none slips past a spent budget.
 */
export async function spentLookups(tx: EntityManager, viewer: Viewer, windowHours: number): Promise<number> {
  const actor = viewer.subject ?? 'anonymous';
  await tx.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [`audit-budget:${actor}`]);
  const [{ n }] = await tx.query(`SELECT count(*)::int AS n FROM audit_trail WHERE actor = $1 AND budgeted AND at > now() - make_interval(hours => $2)`, [
    actor,
    windowHours,
  ]);
  return n;
}

/**
 * The trail kept for `AUDIT_RETENTION_DAYS` (default 3,650: ten years), then purged: the one
 * DELETE the append-only trigger lets through is the retention's, on rows older than the period
 * (its first form; AuditRetentionFunction1765000000000 below replaced how the retention is told apart).
 */
export class AuditRetention1733400000000 implements MigrationInterface {
  name = 'AuditRetention1733400000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE OR REPLACE FUNCTION audit_trail_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' AND current_setting('moukawil.audit_retention', true) IS NOT NULL
           AND OLD.at < now() - make_interval(days => current_setting('moukawil.audit_retention', true)::int) THEN
          RETURN OLD;
        END IF;
        RAISE EXCEPTION 'the audit trail is append-only: % is not allowed', TG_OP;
      END $$`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`CREATE OR REPLACE FUNCTION audit_trail_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'the audit trail is append-only: % is not allowed', TG_OP; END $$`);
  }
}

/**
 * Retention through one function only. A session setting can be set by any statement of any
 * session, so it cannot say "this DELETE is the retention's": the trigger now lets a DELETE
 * through only when its call stack (PG_CONTEXT, which no session can write) shows it was made by
 * `audit_trail_purge(days)`, a SECURITY DEFINER function with its own search path that deletes
 * only rows older than `days`, never fewer than one day.
 */
export class AuditRetentionFunction1765000000000 implements MigrationInterface {
  name = 'AuditRetentionFunction1765000000000';

  async up(db: QueryRunner): Promise<void> {
    const [{ schema }] = (await db.query(`SELECT quote_ident(current_schema()) AS schema`)) as Array<{ schema: string }>;
    await db.query(`CREATE FUNCTION audit_trail_purge(keep_days int) RETURNS bigint LANGUAGE plpgsql SECURITY DEFINER
      SET search_path = ${schema}, pg_catalog, pg_temp AS $$
      DECLARE deleted bigint;
      BEGIN
        IF keep_days IS NULL OR keep_days < 1 THEN RAISE EXCEPTION 'the audit trail is kept at least one day, not %', keep_days; END IF;
        DELETE FROM audit_trail WHERE at < now() - make_interval(days => keep_days);
        GET DIAGNOSTICS deleted = ROW_COUNT;
        RETURN deleted;
      END $$`);
    await db.query(`CREATE OR REPLACE FUNCTION audit_trail_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE stack text;
      BEGIN
        IF TG_OP = 'DELETE' THEN
          GET DIAGNOSTICS stack = PG_CONTEXT;
          IF stack LIKE '%audit_trail_purge(integer)%' THEN RETURN OLD; END IF;
        END IF;
        RAISE EXCEPTION 'the audit trail is append-only: % is not allowed', TG_OP;
      END $$`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP FUNCTION audit_trail_purge(int)`);
    await new AuditRetention1733400000000().up(db);
  }
}

/** Deletes the rows older than the retention period (through audit_trail_purge); returns how many. */
export async function purgeAuditTrail(db: DataSource, days = auditRetentionDays()): Promise<number> {
  const [{ deleted }] = (await db.query(`SELECT audit_trail_purge($1)::int AS deleted`, [days])) as Array<{ deleted: number }>;
  return deleted;
}

export const auditRetentionDays = () => envInt('AUDIT_RETENTION_DAYS', 3_650, 1);

/** Records a write in the trail, in the transaction that makes it (its log line once that commits). */
export async function recordWrite(tx: EntityManager, viewer: Viewer, action: string, detail: Record<string, unknown>, people: string[] = []): Promise<void> {
  await tx.query(`INSERT INTO audit_trail (actor, role, region, action, people, detail, request_id) VALUES ($1, $2, $3, $4, $5, $6, $7)`, [
    viewer.subject ?? 'anonymous',
    viewer.role,
    viewer.region,
    action,
    people,
    JSON.stringify(detail),
    requestScope.getStore()?.requestId ?? null,
  ]);
  auditWrite(viewer, action, detail);
}

/** Purges at start and every day; returns how to stop. */
export function scheduleAuditPurge(db: DataSource): () => void {
  const run = () =>
    purgeAuditTrail(db).then(
      (deleted) => deleted > 0 && log.info({ deleted, days: auditRetentionDays() }, 'audit trail past its retention purged'),
      (error) => log.warn({ err: error }, 'audit trail purge failed; retried tomorrow'),
    );
  void run();
  const timer = setInterval(run, 24 * 3600_000);
  timer.unref();
  return () => clearInterval(timer);
}
