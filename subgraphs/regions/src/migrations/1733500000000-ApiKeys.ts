import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Partner API keys: stored as their SHA-256 only (the key itself is shown once), never deleted (revoked instead). */
export class ApiKeys1733500000000 implements MigrationInterface {
  name = 'ApiKeys1733500000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE TABLE api_key (
      id uuid PRIMARY KEY, name text NOT NULL, owner text NOT NULL, partner_code varchar(40),
      scopes varchar(12)[] NOT NULL, rate_per_minute int CHECK (rate_per_minute > 0),
      prefix varchar(12) NOT NULL, hash char(64) NOT NULL UNIQUE,
      created_by text NOT NULL, created_at timestamptz NOT NULL DEFAULT now(),
      revoked_at timestamptz, revoke_reason text, last_used_at timestamptz)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE api_key`);
  }
}
