import type { MigrationInterface, QueryRunner } from 'typeorm';

/** A person's postal address, which the register may rectify with the name and phone (law 09-08, right of rectification). */
export class Rectification1733300000000 implements MigrationInterface {
  name = 'Rectification1733300000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE auto_entrepreneur ADD COLUMN address text`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE auto_entrepreneur DROP COLUMN address`);
  }
}
