import type { MigrationInterface, QueryRunner } from 'typeorm';
import { REGIONS } from '@moukawil/kit/domain';

/** Provinces' Arabic names (the dashboard shows the territory in the user's language); filled for a database seeded before. */
export class ProvinceNamesAr1733600000000 implements MigrationInterface {
  name = 'ProvinceNamesAr1733600000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE province ADD COLUMN name_ar text`);
    const provinces = REGIONS.flatMap((r) => r.provinces);
    await db.query(`UPDATE province p SET name_ar = v.name_ar FROM unnest($1::text[], $2::text[]) AS v(code, name_ar) WHERE p.code = v.code`, [
      provinces.map((p) => p.code),
      provinces.map((p) => p.nameAr),
    ]);
    // Seeded later (an empty database) or filled above: never missing from here on.
    await db.query(`UPDATE province SET name_ar = name WHERE name_ar IS NULL`);
    await db.query(`ALTER TABLE province ALTER COLUMN name_ar SET NOT NULL`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE province DROP COLUMN name_ar`);
  }
}
