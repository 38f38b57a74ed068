import type { MigrationInterface, QueryRunner } from 'typeorm';

/** A version of the programme figures, raised with every write, so readers keep figures until it moves. */
export class FiguresVersion1732280000000 implements MigrationInterface {
  name = 'FiguresVersion1732280000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE TABLE programs_figures_version (v bigint NOT NULL)`);
    await db.query(`INSERT INTO programs_figures_version (v) VALUES (1)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE programs_figures_version`);
  }
}
