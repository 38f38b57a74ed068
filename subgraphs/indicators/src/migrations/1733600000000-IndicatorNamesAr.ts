import type { MigrationInterface, QueryRunner } from 'typeorm';
import { INDICATOR_NAMES_AR } from '../seed/names-ar';

/** Indicators' Arabic names (the dashboard in Arabic); filled for the catalogue of a database seeded before. */
export class IndicatorNamesAr1733600000000 implements MigrationInterface {
  name = 'IndicatorNamesAr1733600000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE indicator ADD COLUMN name_ar text`);
    const codes = Object.keys(INDICATOR_NAMES_AR);
    await db.query(`UPDATE indicator i SET name_ar = v.name_ar FROM unnest($1::text[], $2::text[]) AS v(code, name_ar) WHERE i.code = v.code`, [
      codes,
      codes.map((code) => INDICATOR_NAMES_AR[code]),
    ]);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE indicator DROP COLUMN name_ar`);
  }
}
