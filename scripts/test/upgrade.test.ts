import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { ownStack, type OwnStack } from '../../test/stack';
import { gql, heldDatabase, ok } from '../../test/support';

/**
 * An upgrade from the last release: each subgraph's database rebuilt as the release left it (its
 * migrations only, then its rows: release/databases, written by `npm run release`), then HEAD
 * started on it, which runs every migration the release did not have. Every released row must
 * still be there with its values, and the graph must answer the released figures unchanged.
 */
const ROOT = join(__dirname, '..', '..');
const RELEASE = join(ROOT, 'release');
const SUBGRAPHS = ['regions', 'registry', 'programs', 'indicators'] as const;
const PREFIX = 'upgrade_';

interface Released {
  migrations: string[];
  tables: Record<string, { columns: Array<{ name: string; generated: boolean }>; rows: unknown[][] }>;
}
const released = (name: string): Released => JSON.parse(readFileSync(join(RELEASE, 'databases', `${name}.json`), 'utf8'));

let stack: OwnStack;
beforeAll(async () => {
  await Promise.all(
    SUBGRAPHS.map((name) =>
      promisify(execFile)(process.execPath, [join(ROOT, 'subgraphs', name, 'dist', 'main.js'), 'restore', join(RELEASE, 'databases', `${name}.json`)], {
        env: { ...process.env, DATABASE_URL: process.env.TEST_DATABASE_URL, DATABASE_PREFIX: PREFIX, LOG_LEVEL: 'warn' },
      }),
    ),
  );
  stack = await ownStack(PREFIX, 0, { SEED_ON_START: 'false' });
}, 120_000);
afterAll(() => stack?.stop());

/** A table's rows now, as the release wrote them: its released columns only, in the same order and form. */
async function rowsNow(db: Client, table: string, columns: string[]): Promise<unknown[][]> {
  const list = columns.map((c) => `"${c}"`).join(', ');
  const { rows } = await db.query(`SELECT coalesce(json_agg(t), '[]') AS rows FROM (SELECT ${list} FROM "${table}") t`);
  return rows[0].rows.map((row: Record<string, unknown>) => columns.map((c) => row[c]));
}

describe('an upgrade from the last release', () => {
  it.each(SUBGRAPHS)('keeps every row of %s with its values, after the migrations HEAD added', async (name) => {
    const release = released(name);
    const db = await heldDatabase(name, PREFIX);
    try {
      await db.query(`SET TIME ZONE 'UTC'`);
      const applied = (await db.query(`SELECT name FROM migrations ORDER BY id`)).rows.map((m) => m.name);
      expect(applied.slice(0, release.migrations.length)).toEqual(release.migrations);
      for (const [table, { columns, rows }] of Object.entries(release.tables)) {
        // Still there, each with its values; rows written since (a start-up's audit line) are HEAD's own.
        const now = new Set(
          (
            await rowsNow(
              db,
              table,
              columns.map((c) => c.name),
            )
          ).map((row) => JSON.stringify(row)),
        );
        const lost = rows.filter((row) => !now.has(JSON.stringify(row)));
        expect([table, lost.length, lost.slice(0, 2)]).toEqual([table, 0, []]);
        expect(rows.length).toBeLessThanOrEqual(now.size);
      }
    } finally {
      await db.end();
    }
  });

  it('answers the figures the release answered', async () => {
    const query = readFileSync(join(RELEASE, 'figures.graphql'), 'utf8');
    const figures = JSON.parse(readFileSync(join(RELEASE, 'figures.json'), 'utf8'));
    expect(ok(await gql(query, { as: 'NATIONAL', origin: stack.origin }))).toEqual(figures);
  });
});
