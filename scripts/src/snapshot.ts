import { envOptional, log, setServiceName } from '@moukawil/kit/core';
import { acquireDatabase } from './database';
import { DEFAULT_DATA_DIR } from './paths';
import { runSubgraphCommand } from './subgraph-command';

/** `npm run snapshot [-- --year Y]`: records today's indicator actuals (the system must be running: actuals are read through the gateway). */
async function main(): Promise<void> {
  setServiceName('snapshot');
  const database = await acquireDatabase(envOptional('MOUKAWIL_DATA_DIR') ?? DEFAULT_DATA_DIR);
  try {
    await runSubgraphCommand('indicators', ['snapshot', ...process.argv.slice(2)], database.url);
  } finally {
    await database.release();
  }
}

main().catch((error) => {
  log.error({ err: error }, 'snapshot failed: is the system running (npm start)?');
  process.exit(1);
});
