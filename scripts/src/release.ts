import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { log, setServiceName, signToken, SUBGRAPHS, type ServiceName } from '@moukawil/kit/core';
import { freePort, startEmbeddedPostgres } from '@moukawil/kit/subgraph';
import { ROOT } from './paths';
import { startStack } from './stack';
import { runSubgraphCommand } from './subgraph-command';

/** People in the released databases: enough for every figure to mean something, few enough to keep the files small. */
const REGISTRATIONS = 300;
const RELEASE_DIR = join(ROOT, 'release');

/**
 * `npm run release`: records what this tree leaves behind for the next one to upgrade, in
 * release/: each subgraph's database with the demo data (databases/NAME.json: its migrations,
 * columns and rows) and the figures the graph answers over them (figures.json, for
 * figures.graphql). The upgrade test rebuilds those databases, lets HEAD migrate them and asks again.
 */
async function main(): Promise<void> {
  setServiceName('release');
  const dir = mkdtempSync(join(tmpdir(), 'moukawil-release-'));
  const database = await startEmbeddedPostgres(join(dir, 'postgres'));
  try {
    process.env.DATABASE_PREFIX = 'release_';
    await Promise.all(SUBGRAPHS.map((name) => runSubgraphCommand(name, ['seed', '--registrations', String(REGISTRATIONS)], database.url)));
    const ports = {} as Record<ServiceName, number>;
    for (const name of ['gateway', ...SUBGRAPHS] as ServiceName[]) ports[name] = await freePort();
    const env = {
      DATABASE_URL: database.url,
      DATABASE_PREFIX: 'release_',
      LOG_LEVEL: 'warn',
      SNAPSHOT_SCHEDULE: 'off',
      RATE_LIMIT_PER_MINUTE: '0',
      SEED_ON_START: 'false',
    };
    const stack = await startStack({ env, ports, stdio: 'ignore' });
    try {
      const response = await fetch(`http://127.0.0.1:${ports.gateway}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${await signToken({ subject: 'release', role: 'NATIONAL' })}` },
        body: JSON.stringify({ query: readFileSync(join(RELEASE_DIR, 'figures.graphql'), 'utf8') }),
      });
      const answer = (await response.json()) as { data?: unknown; errors?: unknown };
      if (answer.errors || !answer.data) throw new Error(`the released figures were not answered: ${JSON.stringify(answer.errors)}`);
      writeFileSync(join(RELEASE_DIR, 'figures.json'), `${JSON.stringify(answer.data, null, 1)}\n`);
    } finally {
      await stack.stop();
    }
    for (const name of SUBGRAPHS) await runSubgraphCommand(name, ['dump', join(RELEASE_DIR, 'databases', `${name}.json`)], database.url);
    log.info({ dir: RELEASE_DIR, registrations: REGISTRATIONS }, 'release recorded');
  } finally {
    await database.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  log.error({ err: error }, 'release failed');
  process.exit(1);
});
