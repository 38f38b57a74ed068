import { resolve } from 'node:path';
import { envOptional, log, setServiceName } from '@moukawil/kit/core';
import { acquireDatabase } from './database';
import { DEFAULT_DATA_DIR } from './paths';
import { runSubgraphCommand } from './subgraph-command';

/** `npm run import -- FILE.csv [--rejects FILE]`: bulk import of applications into the register (docs/operations.md, "Bulk import"). */
async function main(): Promise<void> {
  setServiceName('import');
  // Paths are the user's, relative to where they ran npm (npm runs scripts from the repository root).
  const args = process.argv.slice(2).map((a) => (a.startsWith('--') ? a : resolve(process.env.INIT_CWD ?? process.cwd(), a)));
  if (args.length === 0) throw new Error('usage: npm run import -- FILE.csv [--rejects REJECTS.csv]');
  const database = await acquireDatabase(envOptional('MOUKAWIL_DATA_DIR') ?? DEFAULT_DATA_DIR);
  try {
    await runSubgraphCommand('registry', ['import', ...args], database.url);
  } finally {
    await database.release();
  }
}

main().catch((error) => {
  log.error({ err: error }, 'import failed');
  process.exit(1);
});
