import type { MigrationInterface, QueryRunner } from 'typeorm';
import { versionTableStatements } from '@moukawil/kit';

/** A version of the catalogue, the targets and the assessments, raised by trigger with every write to them (loaders.ts keeps them until it moves). */
export class ReferenceVersion1732270000000 implements MigrationInterface {
  name = 'ReferenceVersion1732270000000';

  async up(db: QueryRunner): Promise<void> {
    for (const statement of versionTableStatements('indicators_reference_version', ['indicator', 'target', 'assessment'])) await db.query(statement);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of ['indicator', 'target', 'assessment']) await db.query(`DROP TRIGGER ${table}_raises_version ON ${table}`);
    await db.query(`DROP FUNCTION indicators_reference_version_raise()`);
    await db.query(`DROP TABLE indicators_reference_version`);
  }
}
