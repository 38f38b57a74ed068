import type { MigrationInterface, QueryRunner } from 'typeorm';

/** A version of the rollup, raised in the same transaction as every write to it, so readers can keep figures until it moves. */
export class RollupVersion1732270000000 implements MigrationInterface {
  name = 'RollupVersion1732270000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE TABLE registry_rollup_version (v bigint NOT NULL)`);
    await db.query(`INSERT INTO registry_rollup_version (v) VALUES (1)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE registry_rollup_version`);
  }
}
