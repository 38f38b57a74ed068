import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { envOptional, log } from '@moukawil/kit/core';
import { processAlive, startEmbeddedPostgres } from '@moukawil/kit/subgraph';

export interface AcquiredDatabase {
  url: string;
  /** Stops the embedded server when this process started it; a no-op otherwise. */
  release(): Promise<void>;
}

/**
 * The PostgreSQL server to use: the user's (`DATABASE_URL`), the embedded one another command
 * of this checkout is already running, or a new embedded one in `<dataDir>/postgres`.
 * `<dataDir>/runtime.json` records who runs it, so `npm run seed` can join a running `npm start`.
 */
export async function acquireDatabase(dataDir: string): Promise<AcquiredDatabase> {
  const external = envOptional('DATABASE_URL');
  if (external) return { url: external, release: async () => undefined };
  mkdirSync(dataDir, { recursive: true });
  const runtimeFile = join(dataDir, 'runtime.json');
  if (existsSync(runtimeFile)) {
    const runtime = JSON.parse(readFileSync(runtimeFile, 'utf8')) as { pid: number; url: string };
    if (processAlive(runtime.pid) && runtime.pid !== process.pid) {
      log.info({ pid: runtime.pid }, 'using the embedded PostgreSQL of a running command');
      return { url: runtime.url, release: async () => undefined };
    }
  }
  const server = await startEmbeddedPostgres(join(dataDir, 'postgres'));
  writeFileSync(runtimeFile, JSON.stringify({ pid: process.pid, url: server.url }));
  return {
    url: server.url,
    release: async () => {
      await server.stop();
      rmSync(runtimeFile, { force: true });
    },
  };
}
