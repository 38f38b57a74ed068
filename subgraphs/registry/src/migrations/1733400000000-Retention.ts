import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Retention (law 09-08): people struck off long enough ago are anonymised in place, their rows kept
 * for the statistics. The history stays append-only but for the anonymisation's own transaction,
 * which says so (its `moukawil.anonymising` setting), so that rectified details leave it too.
 */
export class Retention1733400000000 implements MigrationInterface {
  name = 'Retention1733400000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE auto_entrepreneur ADD COLUMN anonymised_at timestamptz`);
    await db.query(`CREATE OR REPLACE FUNCTION registry_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'UPDATE' AND TG_TABLE_NAME = 'registry_event' AND current_setting('moukawil.anonymising', true) = 'on' THEN
          RETURN NEW;
        END IF;
        RAISE EXCEPTION 'the register keeps its history: % on % is not allowed', TG_OP, TG_TABLE_NAME;
      END $$`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`CREATE OR REPLACE FUNCTION registry_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'the register keeps its history: % on % is not allowed', TG_OP, TG_TABLE_NAME; END $$`);
    await db.query(`ALTER TABLE auto_entrepreneur DROP COLUMN anonymised_at`);
  }
}
