import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import type { EntityManager } from 'typeorm';
import { changeFeed, versionNotifyStatements } from '../src/subgraph/change-feed';
import { VersionedCache } from '../src/subgraph/versioned-cache';

/**
 * A cached figure costs no SQL statement while the change feed listens, and is recomputed once
 * the data changes: notified by another connection's commit, or written by this process. On the
 * test PostgreSQL, with a version table of this test's own.
 */
describe('versioned caches and the change feed', () => {
  const table = `feed_${randomBytes(4).toString('hex')}_version`;
  const admin = new Client({ connectionString: process.env.TEST_DATABASE_URL });
  let statements = 0;
  /** What the cache sees of the database: it may only read the version row. */
  const db = { queryRunner: undefined, query: async (sql: string) => (statements++, (await admin.query(sql)).rows) } as unknown as EntityManager;
  const cache = new VersionedCache<number>(table);
  let computed = 0;
  const read = () => cache.get(db, 'k', async () => ++computed);
  const raise = () => admin.query(`UPDATE ${table} SET v = v + 1`);
  const until = async (done: () => Promise<boolean>) => {
    for (let i = 0; i < 100 && !(await done()); i++) await new Promise((r) => setTimeout(r, 20));
  };

  beforeAll(async () => {
    await admin.connect();
    await admin.query(`CREATE TABLE ${table} (v bigint NOT NULL)`);
    await admin.query(`INSERT INTO ${table} VALUES (1)`);
    for (const statement of versionNotifyStatements(table)) await admin.query(statement);
  });
  afterAll(async () => {
    await changeFeed.stop();
    await admin.query(`DROP TABLE ${table}`);
    await admin.end();
  });

  it('reads the version row on every read while nobody listens', async () => {
    expect([await read(), await read()]).toEqual([1, 1]);
    expect(statements).toBe(2);
    await raise();
    expect(await read()).toBe(2);
  });

  it('serves from memory while listening, and recomputes once a commit elsewhere is notified', async () => {
    changeFeed.start(process.env.TEST_DATABASE_URL!);
    await until(async () => changeFeed.versionOf(table) !== null);
    const first = await read();
    statements = 0;
    expect([await read(), await read(), await read()]).toEqual([first, first, first]);
    expect(statements).toBe(0);
    await raise(); // another connection: this process learns it from the notification
    await until(async () => (await read()) !== first);
    expect(await read()).toBe(first + 1);
    expect(statements).toBe(0);
  });

  it('computes once for requests that miss at the same moment, and keeps no failure', async () => {
    changeFeed.wrote();
    const before = computed;
    const [a, b] = await Promise.all([read(), read()]);
    expect(a).toBe(b);
    expect(computed).toBe(before + 1);
    changeFeed.wrote();
    await expect(
      cache.get(db, 'k', async () => {
        throw new Error('the database is down');
      }),
    ).rejects.toThrow('down');
    expect(await read()).toBe(before + 2); // the failure was not kept: computed again
  });

  it("recomputes at once after this process's own write, before any notification", async () => {
    const before = await read();
    changeFeed.wrote();
    expect(await read()).toBe(before + 1);
  });

  it('falls back to reading the version when the listening connection is lost, and listens again', async () => {
    const before = await read();
    await admin.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'moukawil-changes'`);
    await until(async () => changeFeed.versionOf(table) === null);
    statements = 0;
    await raise();
    expect(await read()).toBe(before + 1); // the version row said so
    expect(statements).toBe(1);
    await until(async () => changeFeed.versionOf(table) !== null);
    expect(await read()).toBe(before + 2); // back: everything is recomputed once
  });
});
