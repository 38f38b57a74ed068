import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A commitment names the target that measures it (indicator, scope, period) instead of keeping a
 * figure of its own: the indicators subgraph keeps the one value. The seeded commitments measure
 * their due year, but for the Fès-Meknès 1,500 registrations counted over 2019-2020 and the
 * 100 honour loans of the Initiative Maroc convention over 2018-2019.
 */
export class CommitmentTargets1733300000000 implements MigrationInterface {
  name = 'CommitmentTargets1733300000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE convention_commitment ADD COLUMN scope varchar(5), ADD COLUMN from_year int`);
    await db.query(
      `UPDATE convention_commitment c SET scope = coalesce(v.region_code, 'MA'), from_year = c.due_year FROM convention v WHERE v.code = c.convention_code`,
    );
    await db.query(`UPDATE convention_commitment SET from_year = 2019 WHERE code = 'CONV-CCIS-FM-ANPME-2019/AE-2020'`);
    await db.query(`UPDATE convention_commitment SET from_year = 2018 WHERE code = 'CONV-INITIATIVE-MAROCPME-2018/HL-100'`);
    await db.query(`ALTER TABLE convention_commitment ALTER COLUMN scope SET NOT NULL, ALTER COLUMN from_year SET NOT NULL`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE convention_commitment DROP COLUMN scope, DROP COLUMN from_year`);
  }
}
