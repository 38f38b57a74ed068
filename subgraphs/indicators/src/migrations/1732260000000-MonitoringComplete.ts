import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Target revisions, qualitative assessments and daily snapshots of the actuals. */
export class MonitoringComplete1732260000000 implements MigrationInterface {
  name = 'MonitoringComplete1732260000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE indicator ADD COLUMN period_type varchar(8) NOT NULL DEFAULT 'YEAR'`);
    await db.query(`ALTER TABLE target ADD COLUMN set_by text NOT NULL DEFAULT 'seed', ADD COLUMN set_at timestamptz NOT NULL DEFAULT now()`);
    await db.query(`CREATE TABLE target_revision (
      id serial PRIMARY KEY, target_id int NOT NULL REFERENCES target(id),
      previous_value float8, value float8 NOT NULL, reason text NOT NULL,
      actor_subject text NOT NULL, actor_role varchar(12), at timestamptz NOT NULL DEFAULT now())`);
    await db.query(`CREATE INDEX target_revision_target ON target_revision (target_id, id)`);
    await db.query(`CREATE TABLE assessment (
      id serial PRIMARY KEY, indicator_code varchar(40) NOT NULL REFERENCES indicator(code),
      region_code varchar(5) NOT NULL CHECK (region_code ~ '^MA-(0[1-9]|1[0-2])$'), year int NOT NULL,
      rating int NOT NULL CHECK (rating BETWEEN 1 AND 5), comment text NOT NULL,
      author_subject text NOT NULL, author_role varchar(12), at timestamptz NOT NULL DEFAULT now())`);
    await db.query(`CREATE INDEX assessment_scope ON assessment (indicator_code, year, region_code)`);
    await db.query(`CREATE TABLE indicator_snapshot (
      day date NOT NULL, indicator_code varchar(40) NOT NULL REFERENCES indicator(code), scope varchar(5) NOT NULL,
      from_year int NOT NULL, to_year int NOT NULL, target float8, actual float8,
      PRIMARY KEY (indicator_code, scope, from_year, to_year, day))`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE indicator_snapshot`);
    await db.query(`DROP TABLE assessment`);
    await db.query(`DROP TABLE target_revision`);
    await db.query(`ALTER TABLE target DROP COLUMN set_by, DROP COLUMN set_at`);
    await db.query(`ALTER TABLE indicator DROP COLUMN period_type`);
  }
}
