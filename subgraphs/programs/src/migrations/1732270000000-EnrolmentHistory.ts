import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Append-only history of every write to an enrolment: who, what, when. */
export class EnrolmentHistory1732270000000 implements MigrationInterface {
  name = 'EnrolmentHistory1732270000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE TABLE enrolment_event (
      id bigserial PRIMARY KEY, enrolment_id uuid NOT NULL REFERENCES enrolment(id),
      action varchar(24) NOT NULL, from_status varchar(10), to_status varchar(10), detail jsonb,
      actor_subject text NOT NULL, actor_role varchar(12), at timestamptz NOT NULL DEFAULT now())`);
    await db.query(`CREATE INDEX enrolment_event_enrolment ON enrolment_event (enrolment_id, id)`);
    await db.query(`CREATE FUNCTION enrolment_event_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'enrolment history is append-only: % refused', TG_OP; END $$`);
    await db.query(
      `CREATE TRIGGER enrolment_event_append_only BEFORE UPDATE OR DELETE ON enrolment_event FOR EACH ROW EXECUTE FUNCTION enrolment_event_refuse_change()`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE enrolment_event`);
    await db.query(`DROP FUNCTION enrolment_event_refuse_change()`);
  }
}
