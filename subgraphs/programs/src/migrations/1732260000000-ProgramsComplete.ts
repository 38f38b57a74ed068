import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Budgets, scope and partner of programmes; enrolment lifecycle and loans; the advisor network; events. */
export class ProgramsComplete1732260000000 implements MigrationInterface {
  name = 'ProgramsComplete1732260000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE programme
      ADD COLUMN budget numeric(16,2), ADD COLUMN eligibility text NOT NULL DEFAULT '',
      ADD COLUMN scope varchar(5) NOT NULL DEFAULT 'ALL' CHECK (scope IN ('ALL','RURAL','URBAN')),
      ADD COLUMN partner_code varchar(40)`);
    await db.query(`ALTER TABLE enrolment
      ADD COLUMN gender varchar(6) CHECK (gender IN ('FEMALE','MALE')),
      ADD COLUMN accepted_at timestamptz, ADD COLUMN started_at timestamptz, ADD COLUMN ended_at timestamptz,
      ADD COLUMN repayment_status varchar(10) CHECK (repayment_status IN ('NOT_DUE','REPAYING','REPAID','DEFAULTED')),
      ADD COLUMN repaid_amount numeric(14,2) NOT NULL DEFAULT 0 CHECK (repaid_amount >= 0),
      ADD COLUMN advisor_id uuid`);
    await db.query(`CREATE INDEX enrolment_region_year ON enrolment (region_code, enrolled_at) INCLUDE (programme_code, status, gender, amount)`);
    await db.query(`CREATE TABLE event (
      id uuid PRIMARY KEY, kind varchar(24) NOT NULL, title text NOT NULL,
      region_code varchar(5) NOT NULL, partner_code varchar(40), held_on date NOT NULL,
      attendance int NOT NULL CHECK (attendance >= 0))`);
    await db.query(`CREATE INDEX event_region ON event (region_code, held_on)`);
    await db.query(`CREATE TABLE advisor (
      id uuid PRIMARY KEY, full_name text NOT NULL, region_code varchar(5) NOT NULL, partner_code varchar(40),
      workshop_id uuid REFERENCES event(id), trained_on date, active boolean NOT NULL DEFAULT true)`);
    await db.query(`CREATE INDEX advisor_region ON advisor (region_code, full_name)`);
    await db.query(`CREATE INDEX advisor_workshop ON advisor (workshop_id)`);
    await db.query(`ALTER TABLE enrolment ADD CONSTRAINT enrolment_advisor FOREIGN KEY (advisor_id) REFERENCES advisor(id)`);
    await db.query(`CREATE INDEX enrolment_advisor_idx ON enrolment (advisor_id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE enrolment DROP CONSTRAINT enrolment_advisor`);
    await db.query(`DROP TABLE advisor`);
    await db.query(`DROP TABLE event`);
    await db.query(`DROP INDEX enrolment_region_year`);
    await db.query(`ALTER TABLE enrolment DROP COLUMN gender, DROP COLUMN accepted_at, DROP COLUMN started_at, DROP COLUMN ended_at,
      DROP COLUMN repayment_status, DROP COLUMN repaid_amount, DROP COLUMN advisor_id`);
    await db.query(`ALTER TABLE programme DROP COLUMN budget, DROP COLUMN eligibility, DROP COLUMN scope, DROP COLUMN partner_code`);
  }
}
