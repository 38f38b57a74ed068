import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Keyset pages of enrolments (Query.enrolments) in date order, with or without a programme and
 * a region: (programme, region) is served by enrolment_programme_region; these three serve the
 * rest, and the first enrolments of each programme (Programme.enrolments) read the first one.
 */
export class EnrolmentPages1732290000000 implements MigrationInterface {
  name = 'EnrolmentPages1732290000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE INDEX enrolment_page ON enrolment (enrolled_at, id)`);
    await db.query(`CREATE INDEX enrolment_region_page ON enrolment (region_code, enrolled_at, id)`);
    await db.query(`CREATE INDEX enrolment_programme_page ON enrolment (programme_code, enrolled_at, id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX enrolment_programme_page`);
    await db.query(`DROP INDEX enrolment_region_page`);
    await db.query(`DROP INDEX enrolment_page`);
  }
}
