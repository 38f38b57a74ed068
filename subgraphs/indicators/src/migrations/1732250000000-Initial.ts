import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Initial1732250000000 implements MigrationInterface {
  name = 'Initial1732250000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE TABLE indicator (
      code varchar(40) PRIMARY KEY, name_fr text NOT NULL, name_en text NOT NULL, description text NOT NULL,
      kind varchar(12) NOT NULL CHECK (kind IN ('QUANTITATIVE','QUALITATIVE')), unit text NOT NULL,
      direction varchar(16) NOT NULL, aggregation varchar(8) NOT NULL, actual_source text)`);
    await db.query(`CREATE TABLE target (
      id serial PRIMARY KEY, indicator_code varchar(40) NOT NULL REFERENCES indicator(code),
      region_code varchar(5) CHECK (region_code IS NULL OR region_code ~ '^MA-(0[1-9]|1[0-2])$'),
      from_year int NOT NULL, to_year int NOT NULL, value float8 NOT NULL, source text NOT NULL,
      CHECK (to_year >= from_year))`);
    // One target per indicator, scope and period.
    await db.query(`CREATE UNIQUE INDEX target_period ON target (indicator_code, coalesce(region_code, 'MA'), from_year, to_year)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE target`);
    await db.query(`DROP TABLE indicator`);
  }
}
