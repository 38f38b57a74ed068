import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Keyset pages of events (oldest first, nationally or per region) and of advisors (per region): Query.eventsConnection, Query.advisorsConnection. */
export class NetworkPages1732300000000 implements MigrationInterface {
  name = 'NetworkPages1732300000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE INDEX event_page ON event (held_on, id)`);
    await db.query(`CREATE INDEX event_region_page ON event (region_code, held_on, id)`);
    await db.query(`DROP INDEX event_region`); // its (region_code, held_on) prefix is the new index's
    await db.query(`CREATE INDEX advisor_region_page ON advisor (region_code, id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX advisor_region_page`);
    await db.query(`CREATE INDEX event_region ON event (region_code, held_on)`);
    await db.query(`DROP INDEX event_region_page`);
    await db.query(`DROP INDEX event_page`);
  }
}
