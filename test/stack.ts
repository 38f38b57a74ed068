import { freePort } from './ports';
import { startGateway } from './gateway';
import { startSubgraph } from './subgraph';

export interface OwnStack {
  /** The gateway's origin, for gql's `origin`. */
  origin: string;
  stop(): Promise<void>;
}

const SUBGRAPHS = ['regions', 'registry', 'programs', 'indicators'] as const;

/**
 * A whole stack of a suite's own (four subgraphs and a gateway) over databases of its own
 * (`<prefix><name>` on the test server, seeded with `registrations` people): for suites whose
 * expectations would be disturbed by what other suites write at the same moment.
 */
export async function ownStack(prefix: string, registrations = 300, env: NodeJS.ProcessEnv = {}): Promise<OwnStack> {
  const common = { DATABASE_PREFIX: prefix, SEED_REGISTRATIONS: String(registrations), SNAPSHOT_SCHEDULE: 'off', ...env };
  const ports = Object.fromEntries(await Promise.all(SUBGRAPHS.map(async (name) => [name, await freePort()] as const)));
  const gatewayPort = await freePort();
  const urls = Object.fromEntries(SUBGRAPHS.map((name) => [`${name.toUpperCase()}_URL`, `http://127.0.0.1:${ports[name]}/graphql`]));
  // Every subgraph finds the gateway (programs reads people through it at enrolment).
  const subgraphs = await Promise.all(
    SUBGRAPHS.map((name) => startSubgraph(name, ports[name], { ...common, GATEWAY_URL: `http://127.0.0.1:${gatewayPort}/graphql` })),
  );
  const gateway = await startGateway(gatewayPort, { ...urls, RATE_LIMIT_PER_MINUTE: '0', CACHE_TTL_SECONDS: '0', ...env });
  return {
    origin: gateway.origin,
    stop: async () => {
      await gateway.stop();
      for (const subgraph of subgraphs) subgraph.child.kill('SIGTERM');
    },
  };
}
