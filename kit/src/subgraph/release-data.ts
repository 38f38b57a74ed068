import { readFileSync, writeFileSync } from 'node:fs';
import { DataSource, type MigrationInterface } from 'typeorm';
import { log } from '../core/log';
import { ensureDatabase } from './database';

/**
 * A subgraph's database as a release left it: the migrations it had run, each table's columns and
 * every row. `npm run release` writes one per subgraph; the upgrade test rebuilds that database
 * with those migrations only, loads the rows, and lets HEAD migrate it, as an agency upgrading
 * would. JSON, not pg_dump: the embedded server ships no client tools, and a reader needs none.
 */
export interface ReleasedDatabase {
  migrations: string[];
  /** Each table's columns, and its rows as lists of values in the columns' order (names written once). */
  tables: Record<string, { columns: Array<{ name: string; type: string; generated: boolean }>; rows: unknown[][] }>;
}

type Columns = ReleasedDatabase['tables'][string]['columns'];

async function columnsOf(db: DataSource): Promise<Record<string, Columns>> {
  const rows: Array<{ table: string; name: string; type: string; generated: boolean }> = await db.query(
    `SELECT c.table_name AS "table", c.column_name AS name, c.data_type AS type, c.is_generated = 'ALWAYS' AS generated
     FROM information_schema.columns c JOIN information_schema.tables t USING (table_schema, table_name)
     WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE' AND c.table_name <> 'migrations'
     ORDER BY c.table_name, c.ordinal_position`,
  );
  const tables: Record<string, Columns> = {};
  for (const { table, ...column } of rows) (tables[table] ??= []).push(column);
  return tables;
}

export async function dumpDatabase(db: DataSource, file: string): Promise<void> {
  const runner = db.createQueryRunner();
  const tables: ReleasedDatabase['tables'] = {};
  let migrations: string[];
  try {
    await runner.query(`SET TIME ZONE 'UTC'`); // times written the same whatever the server's zone
    migrations = (await runner.query(`SELECT name FROM migrations ORDER BY id`)).map((m: { name: string }) => m.name);
    for (const [table, columns] of Object.entries(await columnsOf(db))) {
      // Ordered by every column, so that two dumps of the same data are the same file.
      const [{ rows }] = await runner.query(`SELECT coalesce(json_agg(t ORDER BY t::text), '[]') AS rows FROM (SELECT * FROM "${table}") t`);
      tables[table] = { columns, rows: rows.map((row: Record<string, unknown>) => columns.map((c) => row[c.name])) };
    }
  } finally {
    await runner.release();
  }
  writeFileSync(file, `${JSON.stringify({ migrations, tables } satisfies ReleasedDatabase)}\n`);
  log.info({ file, tables: Object.keys(tables).length }, 'database written');
}

/**
 * Builds the released database at `url`: only the migrations it had run (HEAD must still have
 * every one of them, unchanged: the columns they make are checked against the release's), then
 * its rows, foreign keys and triggers off while they load, sequences moved past them.
 */
export async function restoreDatabase(url: string, migrations: Array<new () => MigrationInterface>, file: string): Promise<void> {
  const released = JSON.parse(readFileSync(file, 'utf8')) as ReleasedDatabase;
  // Named as TypeORM names them in its table: the instance's `name`, else its class's.
  const byName = new Map(migrations.map((m) => [new m().name ?? m.name, m]));
  const missing = released.migrations.filter((name) => !byName.has(name));
  if (missing.length) throw new Error(`released migrations this code no longer has: ${missing.join(', ')}`);
  await ensureDatabase(url);
  const db = new DataSource({ type: 'postgres', url, migrations: released.migrations.map((name) => byName.get(name)!), migrationsTableName: 'migrations' });
  await db.initialize();
  try {
    await db.runMigrations({ transaction: 'each' });
    const columns = await columnsOf(db);
    for (const [table, { columns: expected }] of Object.entries(released.tables)) {
      if (JSON.stringify(columns[table]) !== JSON.stringify(expected))
        throw new Error(`a released migration changed: table ${table} is not as the release made it`);
    }
    await db.transaction(async (tx) => {
      await tx.query(`SET LOCAL session_replication_role = replica`);
      for (const [table, { columns: cols, rows }] of Object.entries(released.tables)) {
        const names = cols.filter((c) => !c.generated).map((c) => `"${c.name}"`);
        await tx.query(`DELETE FROM "${table}"`); // rows a migration itself inserted, given again by the release
        if (rows.length === 0) continue;
        await tx.query(
          `INSERT INTO "${table}" (${names.join(', ')}) OVERRIDING SYSTEM VALUE SELECT ${names.join(', ')} FROM json_populate_recordset(NULL::"${table}", $1)`,
          [JSON.stringify(rows.map((values) => Object.fromEntries(cols.map((c, i) => [c.name, values[i]]))))],
        );
        for (const { name } of cols) {
          const [{ sequence }] = await tx.query(`SELECT pg_get_serial_sequence($1, $2) AS sequence`, [`"${table}"`, name]);
          if (sequence) await tx.query(`SELECT setval($1, greatest((SELECT max("${name}") FROM "${table}"), 1))`, [sequence]);
        }
      }
    });
    log.info({ url: new URL(url).pathname, migrations: released.migrations.length, tables: Object.keys(released.tables).length }, 'released database restored');
  } finally {
    await db.destroy();
  }
}
