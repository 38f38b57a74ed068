import { envOptional, log, setServiceName, SUBGRAPHS } from '@moukawil/kit/core';
import { acquireDatabase } from './database';
import { DEFAULT_DATA_DIR } from './paths';
import { runSubgraphCommand } from './subgraph-command';

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
    await Promise.all(SUBGRAPHS.map((name) => runSubgraphCommand(name, ['seed', '--registrations', registrations!], database.url)));
    log.info({ registrations: Number(registrations), seconds: (Date.now() - started) / 1000 }, 'demo data reloaded');
  } finally {
    await database.release();
  }
}

main().catch((error) => {
  log.error({ err: error }, 'seed failed');
  process.exit(1);
});
