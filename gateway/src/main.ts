// First, before anything loads http: traces, when an OTLP endpoint is configured.
import { startTracing } from '@moukawil/kit/telemetry';
startTracing('gateway');
import cluster from 'node:cluster';
import { readFileSync } from 'node:fs';
import {
  assertIdentityConfig,
  costModel,
  envBool,
  envInt,
  envOptional,
  isProduction,
  LIMITS,
  listen,
  log,
  metricsAcrossWorkers,
  newHttp,
  onTermination,
  serveMetrics,
  servicePort,
  setServiceName,
  startMetrics,
  subgraphUrl,
  type SubgraphName,
} from '@moukawil/kit/core';
import { loadFederation } from './apollo';
import { responseCache } from './cache';
import { admission, callers } from './callers';
import { SubgraphFetches } from './execution/fetch';
import { SubgraphLink } from './subgraph-link';
import { subgraphHealth } from './health';
import { mountPages } from './pages';
import { concurrencyLimit } from './concurrency';
import { clientAddress, rateLimit } from './rate-limit';
import { exportPath } from './export';
import { importColumns, importPath } from './import';
import { executorCheck } from './execution/check';
import { requestPath } from './request';
import { SUPERGRAPH_FILE } from './supergraph';
import { runWorkers } from './workers';

export interface RunningGateway {
  port: number;
  stop(): Promise<void>;
}

/** The gateway: the committed supergraph (nothing composed at run time), GraphQL at /graphql (request.ts), CSV exports at /export (export.ts) and imports at /import (import.ts), pages and health beside it. */
export async function startGateway(port = servicePort('gateway')): Promise<RunningGateway> {
  assertIdentityConfig();
  const supergraphSdl = readFileSync(envOptional('SUPERGRAPH_PATH') ?? SUPERGRAPH_FILE, 'utf8');
  // Subgraph addresses come from the environment (ports, docker-compose hosts), not from the file.
  const links = new Map<string, SubgraphLink>();
  const fetches = new Map<string, SubgraphFetches>();
  const federation = await loadFederation(supergraphSdl, (name) => {
    const link = new SubgraphLink(name, subgraphUrl(name as SubgraphName));
    links.set(name, link);
    fetches.set(name, new SubgraphFetches(link));
    return fetches.get(name)!;
  });
  // Tests only: every planned answer is checked against Apollo Gateway's executor (execution/check.ts).
  const check =
    envBool('GATEWAY_EXECUTOR_CHECK', false) && !isProduction() ? await executorCheck((buildService) => loadFederation(supergraphSdl, buildService)) : null;
  const admit = admission(callers(links.get('regions')!), rateLimit(), concurrencyLimit(), clientAddress());
  const graphql = requestPath({
    federation,
    costs: costModel(supergraphSdl, LIMITS.listSize),
    links,
    fetches,
    admit,
    cache: responseCache(),
    direct: envBool('GATEWAY_SINGLE_SUBGRAPH', true),
    check,
  });

  const { app, server } = newHttp();
  mountPages(app);
  app.get('/health', async (_req, res) => {
    const subgraphs = await subgraphHealth();
    const ok = Object.values(subgraphs).every((s) => s === 'up');
    res.status(ok ? 200 : 503).json({ status: ok ? 'ok' : 'degraded', service: 'gateway', supergraph: 'loaded', subgraphs });
  });
  server.removeListener('request', app);
  const exports = exportPath(graphql.operate, admit);
  const imports = importPath(graphql.operate, admit, importColumns(supergraphSdl));
  server.on('request', (req, res) => {
    if (req.url === '/graphql' || req.url?.startsWith('/graphql?')) return graphql.handle(req, res);
    if (req.url?.startsWith('/export/')) return exports(req, res);
    if (req.url?.startsWith('/import/')) return imports(req, res);
    if (req.url === '/metrics') return void serveMetrics(req, res);
    app(req, res);
  });

  const bound = await listen(server, port);
  log.info({ port: bound }, `gateway ready: http://localhost:${bound}/graphql`);
  return {
    port: bound,
    // Stops accepting, lets the requests in flight finish, closes idle keep-alive connections.
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      }),
  };
}

function serve(): void {
  startGateway().then(
    (running) => onTermination(running.stop),
    (error) => {
      log.error({ err: error }, 'gateway failed to start');
      process.exit(1);
    },
  );
}

if (require.main === module) {
  setServiceName('gateway');
  startMetrics('gateway');
  // GATEWAY_WORKERS > 1: one gateway process per core behind Node's cluster (the port is shared).
  const workers = envInt('GATEWAY_WORKERS', 1, 1, 64);
  if (workers > 1) metricsAcrossWorkers();
  if (workers > 1 && cluster.isPrimary) runWorkers(workers);
  else serve();
}
