import { Client } from 'pg';
import type { MigrationInterface, QueryRunner } from 'typeorm';
import { log } from '../core/log';

/**
 * Tells a process that data its caches hold has changed, so that a cached read costs no SQL
 * statement at all. Every version table (`*_version`, see VersionedCache) notifies the channel
 * `moukawil_versions` when it is raised; one connection per process listens. A cache trusts its
 * entries until a notification for its version table arrives, and every entry of the process
 * is dropped when the process itself commits a write (so a client reads its own writes at once)
 * or when the listening connection comes back after a loss (notifications sent meanwhile are
 * gone). While the connection is down, caches read the version table on every read, as they
 * would without it. Other processes over the same database (replicas, the import command) see a
 * write when its notification arrives: milliseconds after the commit.
 */
const CHANNEL = 'moukawil_versions';

const NOTIFY_FUNCTION = `CREATE OR REPLACE FUNCTION moukawil_version_notify() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN PERFORM pg_notify('${CHANNEL}', TG_TABLE_NAME); RETURN NULL; END $$`;

/** Migration statements making `versionTable` notify the channel whenever it is raised. */
export function versionNotifyStatements(versionTable: string): string[] {
  return [
    NOTIFY_FUNCTION,
    `CREATE TRIGGER ${versionTable}_notifies AFTER UPDATE ON ${versionTable} FOR EACH STATEMENT EXECUTE FUNCTION moukawil_version_notify()`,
  ];
}

/** Makes every version table that exists already notify (later ones do it in the migration that creates them). */
export class VersionNotify1733100000000 implements MigrationInterface {
  name = 'VersionNotify1733100000000';

  async up(db: QueryRunner): Promise<void> {
    const tables: Array<{ name: string }> = await db.query(`SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = current_schema() AND c.relkind = 'r' AND c.relname LIKE '%\\_version'
        AND NOT EXISTS (SELECT 1 FROM pg_trigger t WHERE t.tgrelid = c.oid AND t.tgname = c.relname || '_notifies')`);
    for (const { name } of tables) for (const statement of versionNotifyStatements(name)) await db.query(statement);
  }

  async down(): Promise<void> {
    // The triggers go with their tables.
  }
}

class ChangeFeed {
  private client: Client | null = null;
  /** Notifications arrive (cached figures are trusted until one says they changed). */
  listening = false;
  /** Raised by every change of this process's data: each cache entry remembers the value it was computed under. */
  private epoch = 0;
  private readonly raised = new Map<string, number>();
  private retry: NodeJS.Timeout | null = null;
  private stopped = true;

  /** Starts listening on the database at `url` (reconnecting after a loss) until stop(). */
  start(url: string): void {
    this.stopped = false;
    void this.connect(url, 250);
  }

  private async connect(url: string, delayMs: number): Promise<void> {
    const client = new Client({ connectionString: url, application_name: `${process.env.SERVICE_NAME ?? 'moukawil'}-changes` });
    const lost = () => {
      if (this.client !== client) return;
      this.client = null;
      this.listening = false;
      client.end().catch(() => undefined);
      if (!this.stopped) this.retry = setTimeout(() => void this.connect(url, Math.min(delayMs * 2, 5_000)), delayMs);
    };
    client.on('error', lost);
    client.on('end', lost);
    client.on('notification', ({ payload }) => payload && this.raised.set(payload, (this.raised.get(payload) ?? 0) + 1));
    this.client = client;
    try {
      await client.connect();
      await client.query(`LISTEN ${CHANNEL}`);
      if (this.stopped) return void client.end();
      this.epoch++; // whatever changed while nobody listened
      this.listening = true;
      log.debug('listening for data changes');
    } catch (error) {
      log.debug({ err: error }, 'change feed not connected; caches read versions meanwhile');
      lost();
    }
  }

  /**
   * The version a cache entry of `versionTable` is valid under, known without asking the
   * database; null while not listening (the cache then reads the version table).
   */
  versionOf(versionTable: string): string | null {
    return this.listening ? `${this.epoch}.${this.raised.get(versionTable) ?? 0}` : null;
  }

  /** This process committed a write: no cache entry of it may be served again before recomputing. */
  wrote(): void {
    this.epoch++;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.retry) clearTimeout(this.retry);
    const client = this.client;
    this.client = null;
    this.listening = false;
    await client?.end().catch(() => undefined);
  }
}

/** The process's one change feed (started by the subgraph server). */
export const changeFeed = new ChangeFeed();
