import { envInt, envOptional, isProduction, log, onTermination, servicePort, setServiceName, SERVICES, type ServiceName } from '@moukawil/kit/core';
import { acquireDatabase } from './database';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './identity-accounts';
import { startIdentityProvider } from './identity';
import { DEFAULT_DATA_DIR } from './paths';
import { startStack } from './stack';

/**
 * `npm start`: database, the embedded identity provider (unless OIDC_ISSUER names a real one, or
 * in production), four subgraphs, gateway; everything stops on SIGINT/SIGTERM.
 */
async function main(): Promise<void> {
  setServiceName('supervisor');
  const started = Date.now();
  const database = await acquireDatabase(envOptional('MOUKAWIL_DATA_DIR') ?? DEFAULT_DATA_DIR);
  const ports = Object.fromEntries(Object.keys(SERVICES).map((name) => [name, servicePort(name as ServiceName)])) as Record<ServiceName, number>;
  const origins = [`http://localhost:${ports.gateway}`, `http://127.0.0.1:${ports.gateway}`];
  const identity = envOptional('OIDC_ISSUER') || isProduction() ? null : await startIdentityProvider(envInt('IDENTITY_PORT', 4005, 0, 65535), origins);
  let stack;
  try {
    stack = await startStack({ env: { DATABASE_URL: database.url, ...(identity ? { OIDC_ISSUER: identity.issuer } : {}) }, ports, restart: true });
  } catch (error) {
    await identity?.stop();
    await database.release();
    throw error;
  }
  onTermination(async () => {
    await stack.stop();
    await identity?.stop();
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
      ...(identity
        ? [`  Sign in   ${identity.issuer} (demo provider), password ${DEMO_PASSWORD}:`, `            ${DEMO_ACCOUNTS.map((a) => a.id).join(', ')}`]
        : []),
      'Press Ctrl+C to stop.',
      '',
    ].join('\n'),
  );
}

main().catch((error) => {
  log.error({ err: error }, 'start failed');
  process.exit(1);
});
