import { envOptional, log, onTermination, servicePort, setServiceName, SERVICES, type ServiceName } from '@moukawil/kit/core';
import { acquireDatabase } from './database';
import { DEFAULT_DATA_DIR } from './paths';
import { startStack } from './stack';

/** `npm start`: database, four subgraphs, gateway; everything stops on SIGINT/SIGTERM. */
async function main(): Promise<void> {
  setServiceName('supervisor');
  const started = Date.now();
  const database = await acquireDatabase(envOptional('MOUKAWIL_DATA_DIR') ?? DEFAULT_DATA_DIR);
  const ports = Object.fromEntries(Object.keys(SERVICES).map((name) => [name, servicePort(name as ServiceName)])) as Record<ServiceName, number>;
  let stack;
  try {
    stack = await startStack({ env: { DATABASE_URL: database.url }, ports, restart: true });
  } catch (error) {
    await database.release();
    throw error;
  }
  onTermination(async () => {
    await stack.stop();
    await database.release();
    log.info('stopped');
  }, 30_000);
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  process.stdout.write(
    [
      '',
      `Moukawil Graph is up (${seconds} s):`,
      `  GraphQL   http://localhost:${ports.gateway}/graphql`,
      `  Explorer  http://localhost:${ports.gateway}/`,
      `  Dashboard http://localhost:${ports.gateway}/dashboard`,
      `  Health    http://localhost:${ports.gateway}/health    Metrics http://localhost:${ports.gateway}/metrics`,
      `  Subgraphs regions :${ports.regions}  registry :${ports.registry}  programs :${ports.programs}  indicators :${ports.indicators}`,
      'Press Ctrl+C to stop.',
      '',
    ].join('\n'),
  );
}

main().catch((error) => {
  log.error({ err: error }, 'start failed');
  process.exit(1);
});
