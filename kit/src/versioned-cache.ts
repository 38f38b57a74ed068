import type { EntityManager } from 'typeorm';

/**
 * Read-mostly figures kept in memory until the data they come from changes. Writers raise a
 * version row in the same transaction as their writes; a reader reads the version first (one
 * cheap statement) and recomputes only when it moved. Reading the version before the data means
 * a value is never labelled newer than it is, whichever process wrote.
 */
export class VersionedCache<T> {
  private readonly entries = new Map<string, { version: string; value: T }>();

  constructor(private readonly versionTable: string, private readonly maxEntries = 64) {}

  /** SQL that raises the version: run it in the transaction of every write. */
  get raise(): string {
    return `UPDATE ${this.versionTable} SET v = v + 1`;
  }

  async get(db: EntityManager, key: string, compute: () => Promise<T>): Promise<T> {
    // Inside a transaction the figures may hold its uncommitted writes: never kept for others.
    if (db.queryRunner?.isTransactionActive) return compute();
    const [{ v }] = await db.query(`SELECT v::text AS v FROM ${this.versionTable}`);
    const hit = this.entries.get(key);
    if (hit && hit.version === v) return hit.value;
    const value = await compute();
    if (this.entries.size >= this.maxEntries) this.entries.clear(); // keys are periods: few; never let odd ones pile up
    this.entries.set(key, { version: v, value });
    return value;
  }
}

/**
 * Migration statements for a VersionedCache's version table, raised by a trigger after every
 * statement that writes one of `tables`: no write path (mutation, seed, import, psql) can forget it.
 */
export function versionTableStatements(versionTable: string, tables: string[]): string[] {
  return [
    `CREATE TABLE ${versionTable} (v bigint NOT NULL)`,
    `INSERT INTO ${versionTable} (v) VALUES (1)`,
    `CREATE FUNCTION ${versionTable}_raise() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN UPDATE ${versionTable} SET v = v + 1; RETURN NULL; END $$`,
    ...tables.map((table) => `CREATE TRIGGER ${table}_raises_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON ${table} FOR EACH STATEMENT EXECUTE FUNCTION ${versionTable}_raise()`),
  ];
}
