import type { MigrationInterface, QueryRunner } from 'typeorm';
import { REBUILD_ROLLUP } from '../write/rollup';

/**
 * The complete register: provinces, excluded professions, strike-off reasons, the append-only
 * history, the statistics rollup, the import key, name search.
 */
export class RegisterComplete1732260000000 implements MigrationInterface {
  name = 'RegisterComplete1732260000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE activity ADD COLUMN eligible boolean NOT NULL DEFAULT true, ADD COLUMN exclusion_note text`);
    await db.query(`ALTER TABLE auto_entrepreneur
      ADD COLUMN province_code varchar(12),
      ADD COLUMN activity_category varchar(12),
      ADD COLUMN struck_off_reason varchar(32),
      ADD COLUMN struck_off_note text,
      ADD COLUMN import_key varchar(64) UNIQUE`);
    await db.query(`UPDATE auto_entrepreneur a SET activity_category = x.category FROM activity x WHERE x.code = a.activity_code`);
    await db.query(`ALTER TABLE auto_entrepreneur ALTER COLUMN activity_category SET NOT NULL`);
    await db.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await db.query(`CREATE INDEX auto_entrepreneur_name_search ON auto_entrepreneur USING gin (lower(full_name) gin_trgm_ops)`);
    await db.query(`CREATE INDEX auto_entrepreneur_national_id ON auto_entrepreneur (national_id)`);

    // Statistics now read the rollup: the per-region index only slowed the writes.
    await db.query(`DROP INDEX turnover_declaration_region_year`);
    await db.query(`ALTER TABLE turnover_declaration
      ADD COLUMN declared_at timestamptz NOT NULL DEFAULT now(),
      ADD COLUMN corrected_at timestamptz`);

    // Append-only history of every transition and declaration: who, what, when.
    await db.query(`CREATE TABLE registry_event (
      id bigserial PRIMARY KEY,
      auto_entrepreneur_id uuid NOT NULL REFERENCES auto_entrepreneur(id),
      kind varchar(24) NOT NULL,
      from_status varchar(12), to_status varchar(12),
      reason text, detail jsonb,
      actor_subject text NOT NULL, actor_role varchar(12),
      at timestamptz NOT NULL DEFAULT now())`);
    await db.query(`CREATE INDEX registry_event_person ON registry_event (auto_entrepreneur_id, id)`);
    await db.query(`CREATE FUNCTION registry_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'the register keeps its history: % on % is not allowed', TG_OP, TG_TABLE_NAME; END $$`);
    await db.query(
      `CREATE TRIGGER registry_event_append_only BEFORE UPDATE OR DELETE ON registry_event FOR EACH ROW EXECUTE FUNCTION registry_refuse_change()`,
    );
    await db.query(`CREATE TRIGGER auto_entrepreneur_never_deleted BEFORE DELETE ON auto_entrepreneur FOR EACH ROW EXECUTE FUNCTION registry_refuse_change()`);
    await db.query(
      `CREATE TRIGGER turnover_declaration_never_deleted BEFORE DELETE ON turnover_declaration FOR EACH ROW EXECUTE FUNCTION registry_refuse_change()`,
    );

    // Statistics rollup: flows per region, year and breakdown, kept in the writes' transactions.
    await db.query(`CREATE TABLE registry_rollup (
      region_code varchar(5) NOT NULL, year int NOT NULL,
      segment varchar(24) NOT NULL, category varchar(12) NOT NULL, gender varchar(6) NOT NULL,
      applications int NOT NULL DEFAULT 0, registered int NOT NULL DEFAULT 0,
      rejected int NOT NULL DEFAULT 0, struck_off int NOT NULL DEFAULT 0,
      turnover numeric(16,2) NOT NULL DEFAULT 0, tax numeric(16,2) NOT NULL DEFAULT 0,
      PRIMARY KEY (region_code, year, segment, category, gender))`);
    await db.query(REBUILD_ROLLUP);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE registry_rollup`);
    await db.query(`DROP TABLE registry_event`);
    await db.query(`DROP TRIGGER auto_entrepreneur_never_deleted ON auto_entrepreneur`);
    await db.query(`DROP TRIGGER turnover_declaration_never_deleted ON turnover_declaration`);
    await db.query(`DROP FUNCTION registry_refuse_change()`);
    await db.query(`ALTER TABLE turnover_declaration DROP COLUMN declared_at, DROP COLUMN corrected_at`);
    await db.query(`CREATE INDEX turnover_declaration_region_year ON turnover_declaration (region_code, year) INCLUDE (amount, tax)`);
    await db.query(`DROP INDEX auto_entrepreneur_name_search`);
    await db.query(`DROP INDEX auto_entrepreneur_national_id`);
    await db.query(`ALTER TABLE auto_entrepreneur DROP COLUMN province_code, DROP COLUMN activity_category,
      DROP COLUMN struck_off_reason, DROP COLUMN struck_off_note, DROP COLUMN import_key`);
    await db.query(`ALTER TABLE activity DROP COLUMN eligible, DROP COLUMN exclusion_note`);
  }
}
