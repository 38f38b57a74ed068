import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Initial1732250000000 implements MigrationInterface {
  name = 'Initial1732250000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE TABLE activity (
      code varchar(10) PRIMARY KEY, label text NOT NULL,
      category varchar(12) NOT NULL CHECK (category IN ('COMMERCIAL','INDUSTRIAL','ARTISANAL','SERVICES')),
      turnover_ceiling numeric(14,2) NOT NULL, tax_rate numeric(6,4) NOT NULL)`);
    await db.query(`CREATE SEQUENCE rnae_number_seq`);
    await db.query(`CREATE TABLE auto_entrepreneur (
      id uuid PRIMARY KEY,
      registration_number varchar(24) UNIQUE,
      status varchar(12) NOT NULL CHECK (status IN ('SUBMITTED','REGISTERED','REJECTED','STRUCK_OFF')),
      full_name text NOT NULL, national_id varchar(12) NOT NULL,
      gender varchar(6) NOT NULL CHECK (gender IN ('FEMALE','MALE')),
      birth_date date NOT NULL, phone varchar(16), segment varchar(24) NOT NULL,
      region_code varchar(5) NOT NULL CHECK (region_code ~ '^MA-(0[1-9]|1[0-2])$'),
      activity_code varchar(10) NOT NULL REFERENCES activity(code),
      submitted_at timestamptz NOT NULL, registered_at timestamptz, rejected_at timestamptz,
      rejection_reason text, struck_off_at timestamptz)`);
    // One national ID, one live application or registration.
    await db.query(`CREATE UNIQUE INDEX auto_entrepreneur_live_cin ON auto_entrepreneur (national_id) WHERE status IN ('SUBMITTED','REGISTERED')`);
    await db.query(`CREATE INDEX auto_entrepreneur_region_page ON auto_entrepreneur (region_code, submitted_at, id)`);
    await db.query(`CREATE INDEX auto_entrepreneur_region_status_page ON auto_entrepreneur (region_code, status, submitted_at, id)`);
    await db.query(`CREATE INDEX auto_entrepreneur_page ON auto_entrepreneur (submitted_at, id)`);
    await db.query(`CREATE TABLE turnover_declaration (
      id bigserial PRIMARY KEY,
      auto_entrepreneur_id uuid NOT NULL REFERENCES auto_entrepreneur(id),
      region_code varchar(5) NOT NULL, year int NOT NULL, quarter int NOT NULL CHECK (quarter BETWEEN 1 AND 4),
      amount numeric(14,2) NOT NULL CHECK (amount >= 0), tax numeric(14,2) NOT NULL CHECK (tax >= 0))`);
    await db.query(`CREATE UNIQUE INDEX turnover_declaration_period ON turnover_declaration (auto_entrepreneur_id, year, quarter)`);
    await db.query(`CREATE INDEX turnover_declaration_region_year ON turnover_declaration (region_code, year) INCLUDE (amount, tax)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE turnover_declaration`);
    await db.query(`DROP TABLE auto_entrepreneur`);
    await db.query(`DROP SEQUENCE rnae_number_seq`);
    await db.query(`DROP TABLE activity`);
  }
}
