import { spawn } from 'node:child_process';
import { envOptional, log, setServiceName, SUBGRAPHS } from '@moukawil/kit';
import { acquireDatabase } from './database';
import { DEFAULT_DATA_DIR, subgraphEntry } from './paths';

/** `npm run seed -- --registrations N`: reloads every subgraph's demo data at that scale (deterministic). */
async function main(): Promise<void> {
  setServiceName('seed');
  const args = process.argv.slice(2);
  const i = args.indexOf('--registrations');
  const registrations = i >= 0 ? args[i + 1] : '20000';
  if (!/^\d+$/.test(registrations ?? '')) throw new Error('usage: npm run seed -- --registrations N');
  const database = await acquireDatabase(envOptional('MOUKAWIL_DATA_DIR') ?? DEFAULT_DATA_DIR);
  try {
    const started = Date.now();
    await Promise.all(SUBGRAPHS.map((name) => new Promise<void>((resolve, reject) => {
      const child = spawn(process.execPath, [subgraphEntry(name), 'seed', '--registrations', registrations], {
        env: { ...process.env, DATABASE_URL: database.url }, stdio: 'inherit',
      });
      child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${name} seed failed (${code})`))));
    })));
    log.info({ registrations: Number(registrations), seconds: (Date.now() - started) / 1000 }, 'demo data reloaded');
  } finally {
    await database.release();
  }
}

main().catch((error) => {
  log.error({ err: error }, 'seed failed');
  process.exit(1);
});
