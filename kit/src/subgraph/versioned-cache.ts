import type { EntityManager, MigrationInterface, QueryRunner } from 'typeorm';
import { boundedCache, type BoundedCache } from '../core/cache';
import { changeFeed, versionNotifyStatements } from './change-feed';

/**
 * Read-mostly figures kept in memory until the data they come from changes. Writers raise a
 * version row in the same transaction as their writes; the version table notifies every process
 * (change-feed.ts), so a reader knows the current version without asking the database, and
 * recomputes only when it moved. Without the change feed (its connection lost), a reader reads
 * the version row first (one cheap statement). Taking the version before the data means a value
 * is never labelled newer than it is, whichever process wrote.
 */
export class VersionedCache<T> {
  private readonly entries: BoundedCache<string, { version: string; value: Promise<T> }>;

  /** `maxEntries`: keys are periods (a few), so the bound only stops odd ones piling up. */
  constructor(
    private readonly versionTable: string,
    maxEntries = 64,
  ) {
    this.entries = boundedCache(maxEntries);
  }

  /** SQL that raises the version: run it in the transaction of every write. */
  get raise(): string {
    return `UPDATE ${this.versionTable} SET v = v + 1`;
  }

  async get(db: EntityManager, key: string, compute: () => Promise<T>): Promise<T> {
    // Inside a transaction the figures may hold its uncommitted writes: never kept for others.
    if (db.queryRunner?.isTransactionActive) return compute();
    const v = changeFeed.versionOf(this.versionTable) ?? `db.${(await db.query(`SELECT v::text AS v FROM ${this.versionTable}`))[0].v}`;
    const hit = this.entries.get(key);
    if (hit && hit.version === v) return hit.value;
    // The computation itself is kept, so that requests arriving while it runs wait for it rather
    // than compute the same figures again (two fetches of one plan often ask at the same moment).
    const value = compute();
    const entry = { version: v, value };
    this.entries.set(key, entry);
    value.catch(() => this.entries.get(key) === entry && this.entries.delete(key)); // a failure is not kept
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
    ...versionRaiseStatements(versionTable, tables),
    ...versionNotifyStatements(versionTable),
  ];
}

/** The triggers that raise an existing version table after every statement writing one of `tables`. */
export function versionRaiseStatements(versionTable: string, tables: string[]): string[] {
  return [
    `CREATE OR REPLACE FUNCTION ${versionTable}_raise() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN UPDATE ${versionTable} SET v = v + 1; RETURN NULL; END $$`,
    ...tables.map(
      (table) =>
        `CREATE TRIGGER ${table}_raises_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON ${table} FOR EACH STATEMENT EXECUTE FUNCTION ${versionTable}_raise()`,
    ),
  ];
}

/**
 * A migration (class, for a subgraph's migration list) giving a VersionedCache its version
 * table, raised by trigger by every write to `tables`; `tableExists` when only the triggers are
 * new.
 */
export function versionMigration(name: string, versionTable: string, tables: string[], tableExists = false): new () => MigrationInterface {
  return class implements MigrationInterface {
    name = name;

    async up(db: QueryRunner): Promise<void> {
      const statements = tableExists ? versionRaiseStatements(versionTable, tables) : versionTableStatements(versionTable, tables);
      for (const statement of statements) await db.query(statement);
    }

    async down(db: QueryRunner): Promise<void> {
      for (const table of tables) await db.query(`DROP TRIGGER ${table}_raises_version ON ${table}`);
      await db.query(`DROP FUNCTION ${versionTable}_raise()`);
      if (!tableExists) await db.query(`DROP TABLE ${versionTable}`);
    }
  };
}
