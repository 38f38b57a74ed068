import 'reflect-metadata';
import { Client } from 'pg';
import { DataSource, type DataSourceOptions } from 'typeorm';
import { envOptional, envString, type SubgraphName } from '../core/config';
import { log } from '../core/log';
import type { Logger as TypeOrmLogger } from 'typeorm';
import { requestScope } from '../core/request-scope';
import { assertStillWanted } from './request-deadline';

/**
 * The database a subgraph owns. `<NAME>_DATABASE_URL` names it outright; otherwise it is
 * the database `<DATABASE_PREFIX><name>` on the server of `DATABASE_URL` (created if missing),
 * so one server can hold the four databases and no subgraph ever sees another's tables.
 */
export function databaseUrlFor(name: SubgraphName): string {
  const own = envOptional(`${name.toUpperCase()}_DATABASE_URL`);
  if (own) return own;
  const server = envString('DATABASE_URL');
  const url = new URL(server);
  url.pathname = `/${envString('DATABASE_PREFIX', 'moukawil_')}${name}`;
  return url.toString();
}

/** Creates the database named by `url` when the server does not have it yet. */
export async function ensureDatabase(url: string): Promise<void> {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1));
  if (!/^[A-Za-z0-9_]+$/.test(name)) throw new Error(`unsafe database name "${name}"`);
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount === 0) {
      await client.query(`CREATE DATABASE "${name}"`).catch((error: { code?: string }) => {
        if (error.code !== '42P04') throw error; // created meanwhile by a sibling process
      });
      log.info({ database: name }, 'database created');
    }
  } finally {
    await client.end();
  }
}

export interface DatabaseOptions {
  url: string;
  entities: DataSourceOptions['entities'];
  migrations: DataSourceOptions['migrations'];
  poolSize?: number;
  /** For a serving pool: no statement runs longer (migrations run without it, on a connection of their own). */
  statementTimeoutMs?: number;
}

/** Opens the subgraph's DataSource and brings its schema up to date through its migrations. */
export async function openDatabase(options: DatabaseOptions): Promise<DataSource> {
  await ensureDatabase(options.url);
  if (options.statementTimeoutMs) {
    // A migration may rightly run long (an index over the register): it gets no statement timeout.
    const migrator = await openDatabase({ ...options, poolSize: 2, statementTimeoutMs: undefined }); // the start-up lock holds one
    await migrator.destroy();
  }
  const dataSource = new DataSource({
    type: 'postgres',
    url: options.url,
    entities: options.entities,
    migrations: options.migrations,
    migrationsTableName: 'migrations',
    synchronize: false,
    logging: ['query'], // counted per request, never printed (see tracing.ts)
    logger: new StatementCounter(),
    extra: {
      max: options.poolSize ?? 10,
      application_name: process.env.SERVICE_NAME ?? 'moukawil',
      ...(options.statementTimeoutMs ? { statement_timeout: options.statementTimeoutMs } : {}),
    },
  });
  await dataSource.initialize();
  const applied = await oneAtATime(dataSource, () => dataSource.runMigrations({ transaction: 'each' }));
  if (applied.length > 0) log.info({ migrations: applied.map((m) => m.name) }, 'migrations applied');
  return dataSource;
}

/**
 * Runs `work` while holding the database's start-up lock (a session advisory lock): replicas of
 * one subgraph that start together (docker-compose --scale) migrate and seed one after the other,
 * and the later ones find the work done.
 */
export async function oneAtATime<T>(db: DataSource, work: () => Promise<T>): Promise<T> {
  const runner = db.createQueryRunner();
  await runner.connect();
  try {
    await runner.query(`SELECT pg_advisory_lock(hashtextextended('moukawil:start-up', 0))`);
    return await work();
  } finally {
    await runner.query(`SELECT pg_advisory_unlock(hashtextextended('moukawil:start-up', 0))`).catch(() => undefined);
    await runner.release();
  }
}

/** Counts the SQL statements of each request (request-scope.ts: `x-moukawil-trace: sql`). */
const TRANSACTION_CONTROL = /^\s*(START TRANSACTION|BEGIN|COMMIT|ROLLBACK|SAVEPOINT|RELEASE|SET LOCAL statement_timeout)\b/i;

export class StatementCounter implements TypeOrmLogger {
  /**
   * Called by TypeORM before every statement: counted, or refused for a request past its deadline
   * (request-deadline.ts). Transaction control always goes through, so that a stopped request's
   * transaction is still rolled back (or, done already, committed) and its connection freed.
   */
  logQuery(query: string): void {
    const counters = requestScope.getStore();
    if (!TRANSACTION_CONTROL.test(query)) assertStillWanted(counters);
    if (counters && !TRANSACTION_CONTROL.test(query)) counters.sql++;
  }
  logQueryError(): void {}
  logQuerySlow(): void {}
  logSchemaBuild(): void {}
  logMigration(): void {}
  log(): void {}
}
