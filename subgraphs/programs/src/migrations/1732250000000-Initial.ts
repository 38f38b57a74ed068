import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Initial1732250000000 implements MigrationInterface {
  name = 'Initial1732250000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE TABLE programme (
      code varchar(40) PRIMARY KEY, name text NOT NULL, description text NOT NULL, kind varchar(30) NOT NULL,
      sector varchar(30), operator text NOT NULL, region_codes varchar(5)[] NOT NULL,
      start_year int NOT NULL, end_year int, max_amount numeric(14,2), source text NOT NULL,
      CHECK (end_year IS NULL OR end_year >= start_year))`);
    await db.query(`CREATE INDEX programme_regions ON programme USING gin (region_codes)`);
    await db.query(`CREATE TABLE enrolment (
      id uuid PRIMARY KEY, programme_code varchar(40) NOT NULL REFERENCES programme(code),
      auto_entrepreneur_id uuid NOT NULL, region_code varchar(5) NOT NULL,
      status varchar(10) NOT NULL CHECK (status IN ('APPLIED','ACCEPTED','ACTIVE','COMPLETED','DROPPED')),
      enrolled_at timestamptz NOT NULL, amount numeric(14,2) CHECK (amount IS NULL OR amount >= 0))`);
    // One enrolment per person and programme.
    await db.query(`CREATE UNIQUE INDEX enrolment_once ON enrolment (programme_code, auto_entrepreneur_id)`);
    await db.query(`CREATE INDEX enrolment_beneficiary ON enrolment (auto_entrepreneur_id)`);
    await db.query(`CREATE INDEX enrolment_programme_region ON enrolment (programme_code, region_code, enrolled_at, id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE enrolment`);
    await db.query(`DROP TABLE programme`);
  }
}
