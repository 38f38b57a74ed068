import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The operational data recorded by users, not only seeded: where and for whom an event was held
 * (place, women and men), cancelled events and deactivated advisors kept with their reason, which
 * advisors each workshop trained (an advisor may attend several), and advisors' follow-up contacts
 * on enrolments.
 */
export class Operations1733300000000 implements MigrationInterface {
  name = 'Operations1733300000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE event ADD COLUMN place text, ADD COLUMN trainer text,
      ADD COLUMN women int CHECK (women >= 0), ADD COLUMN men int CHECK (men >= 0),
      ADD COLUMN cancelled_at timestamptz, ADD COLUMN cancel_reason text`);
    await db.query(`ALTER TABLE advisor ADD COLUMN deactivated_at timestamptz, ADD COLUMN deactivation_reason text`);
    await db.query(`CREATE TABLE workshop_attendance (
      workshop_id uuid NOT NULL REFERENCES event(id), advisor_id uuid NOT NULL REFERENCES advisor(id),
      PRIMARY KEY (workshop_id, advisor_id))`);
    await db.query(`CREATE INDEX workshop_attendance_advisor ON workshop_attendance (advisor_id)`);
    await db.query(`INSERT INTO workshop_attendance (workshop_id, advisor_id) SELECT workshop_id, id FROM advisor WHERE workshop_id IS NOT NULL`);
    await db.query(`CREATE TABLE follow_up (
      id uuid PRIMARY KEY, enrolment_id uuid NOT NULL REFERENCES enrolment(id), advisor_id uuid REFERENCES advisor(id),
      region_code varchar(5) NOT NULL, on_day date NOT NULL, kind varchar(12) NOT NULL, notes text NOT NULL,
      actor_subject text NOT NULL, actor_role varchar(12), recorded_at timestamptz NOT NULL DEFAULT now())`);
    await db.query(`CREATE INDEX follow_up_enrolment ON follow_up (enrolment_id, on_day, id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE follow_up`);
    await db.query(`DROP TABLE workshop_attendance`);
    await db.query(`ALTER TABLE advisor DROP COLUMN deactivated_at, DROP COLUMN deactivation_reason`);
    await db.query(
      `ALTER TABLE event DROP COLUMN place, DROP COLUMN trainer, DROP COLUMN women, DROP COLUMN men, DROP COLUMN cancelled_at, DROP COLUMN cancel_reason`,
    );
  }
}
