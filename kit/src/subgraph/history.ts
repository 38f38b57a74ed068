import { Directive, Field, ID, ObjectType } from 'type-graphql';
import type { EntityManager, MigrationInterface, QueryRunner } from 'typeorm';
import type { Viewer } from '../core/tokens';
import { recordWrite } from './audit-trail';

/**
 * The history of the operational data users record and change (programmes, advisors, workshops,
 * events, partners, conventions, indicators…): one row per change with who, when, why, and the
 * record before and after. Nothing of that data is ever deleted (it is closed, cancelled or
 * deactivated instead), and the database keeps the history append-only, as it does the audit
 * trail: UPDATE, DELETE and TRUNCATE are refused by trigger.
 */
export class ChangeHistory1733200000000 implements MigrationInterface {
  name = 'ChangeHistory1733200000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE TABLE change_history (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      entity varchar(40) NOT NULL, entity_id varchar(80) NOT NULL,
      action varchar(40) NOT NULL, reason text,
      before jsonb, after jsonb,
      actor_subject varchar(200) NOT NULL, actor_role varchar(12),
      at timestamptz NOT NULL DEFAULT now())`);
    await db.query(`CREATE INDEX change_history_of ON change_history (entity, entity_id, id)`);
    await db.query(`CREATE FUNCTION change_history_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'the change history is append-only: % is not allowed', TG_OP; END $$`);
    await db.query(
      `CREATE TRIGGER change_history_append_only BEFORE UPDATE OR DELETE ON change_history FOR EACH ROW EXECUTE FUNCTION change_history_refuse_change()`,
    );
    await db.query(
      `CREATE TRIGGER change_history_never_truncated BEFORE TRUNCATE ON change_history FOR EACH STATEMENT EXECUTE FUNCTION change_history_refuse_change()`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE change_history`);
    await db.query(`DROP FUNCTION change_history_refuse_change()`);
  }
}

export interface Change {
  /** The kind of record, e.g. "Event". */
  entity: string;
  id: string;
  /** What happened, e.g. EVENT_CANCELLED. */
  action: string;
  reason?: string | null;
  before?: object | null;
  after?: object | null;
}

/**
 * Records one change in the transaction that makes it, and its audit line (logged once that
 * transaction commits).
 */
export async function recordChange(tx: EntityManager, viewer: Viewer, change: Change): Promise<void> {
  await tx.query(
    `INSERT INTO change_history (entity, entity_id, action, reason, before, after, actor_subject, actor_role) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [
      change.entity,
      change.id,
      change.action,
      change.reason ?? null,
      change.before ? JSON.stringify(change.before) : null,
      change.after ? JSON.stringify(change.after) : null,
      viewer.subject ?? 'anonymous',
      viewer.role,
    ],
  );
  await recordWrite(tx, viewer, change.action, { entity: change.entity, id: change.id });
}

/** Shareable: every subgraph with recorded data returns its history in this shape. */
@Directive('@shareable')
@ObjectType({ description: 'One change of a record: who made it, when, why, and the values it changed.' })
export class ChangeRecord {
  @Field({ description: 'What happened, e.g. "EVENT_CORRECTED".' })
  action!: string;

  @Field(() => String, { nullable: true, description: 'Why, as its author gave it.' })
  reason!: string | null;

  @Field(() => String, { nullable: true, description: 'The values before the change (JSON), null for a creation.' })
  before!: string | null;

  @Field(() => String, { nullable: true, description: 'The values after the change (JSON).' })
  after!: string | null;

  @Field(() => ID, { description: "The author's token subject." })
  actorSubject!: string;

  @Field(() => String, { nullable: true, description: "The author's role." })
  actorRole!: string | null;

  @Field({ description: 'When (ISO 8601).' })
  at!: string;
}

/** The histories of records of one kind, oldest change first, one statement for a batch of ids. */
export async function changesOf(db: EntityManager, entity: string, ids: readonly string[]): Promise<ChangeRecord[][]> {
  const rows: Array<{
    entity_id: string;
    action: string;
    reason: string | null;
    before: object | null;
    after: object | null;
    actor_subject: string;
    actor_role: string | null;
    at: Date;
  }> = await db.query(`SELECT * FROM change_history WHERE entity = $1 AND entity_id = ANY($2) ORDER BY id`, [entity, [...ids]]);
  return ids.map((id) =>
    rows
      .filter((r) => r.entity_id === id)
      .map((r) => ({
        action: r.action,
        reason: r.reason,
        before: r.before ? JSON.stringify(r.before) : null,
        after: r.after ? JSON.stringify(r.after) : null,
        actorSubject: r.actor_subject,
        actorRole: r.actor_role,
        at: r.at.toISOString(),
      })),
  );
}
