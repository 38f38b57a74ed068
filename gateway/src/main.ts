import cluster from 'node:cluster';
import { readFileSync } from 'node:fs';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginLandingPageDisabled, ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import { assertIdentityConfig, currentRequestId, requestFingerprint, jsonBodyErrors, requestScope, withRequestScope, envInt, envOptional, formatError, isProduction, TRACE_HEADER, listen, log, newHttp, onTermination, servicePort, setServiceName, subgraphUrl, viewerFromHeader, type SubgraphName } from '@moukawil/kit/core';
import { AuthenticatedDataSource, type GatewayContext } from './auth';
import { responseCache, servedByCache } from './cache';
import { withFastLane } from './fast-lane';
import { subgraphHealth } from './health';
import { SUPERGRAPH_FILE } from './supergraph';
import { LIMITS, operationLimits, tokenLimit } from './limits';
import { mountPages } from './pages';
import { rateLimit, rateLimiter, trustProxy } from './rate-limit';
import { answerSingleSubgraphQueriesDirectly } from './single-subgraph';
import { runWorkers } from './workers';

/** Adds the subgraphs' SQL statement counts to the answer when the client asked for them. */
const sqlTracePlugin: ApolloServerPlugin<GatewayContext> = {
  async requestDidStart() {
    return {
      async willSendResponse({ response, contextValue }) {
        const counts = contextValue.sqlStatements;
        if (!counts || response.body.kind !== 'single') return;
        const total = Object.values(counts).reduce((sum, n) => sum + n, 0);
        response.body.singleResult.extensions = { ...response.body.singleResult.extensions, sqlStatements: { ...counts, total } };
      },
    };
  },
};

/** Tells the client when a subgraph answered its retried mutation with the stored answer (docs/idempotency.md). */
const replayPlugin: ApolloServerPlugin<GatewayContext> = {
  async requestDidStart() {
    return {
      async willSendResponse({ response, contextValue }) {
        if (contextValue.replayed) response.http.headers.set('idempotent-replay', 'true');
      },
    };
  },
};

/** The Idempotency-Key and the fingerprint of the client's own request (not of the texts the plan sends on). */
function idempotencyOf(body: { query?: unknown; variables?: unknown; operationName?: unknown } | undefined): Partial<GatewayContext> {
  const idempotencyKey = requestScope.getStore()?.idempotencyKey;
  if (!idempotencyKey || typeof body?.query !== 'string') return {};
  return { idempotencyKey, idempotencyFingerprint: requestFingerprint(body.query, body.variables, body.operationName), mutationCalls: new Map() };
}

export interface RunningGateway {
  port: number;
  stop(): Promise<void>;
}

/** Serves the committed supergraph: nothing is composed at run time. */
export async function startGateway(port = servicePort('gateway')): Promise<RunningGateway> {
  assertIdentityConfig();
  const supergraphSdl = readFileSync(envOptional('SUPERGRAPH_PATH') ?? SUPERGRAPH_FILE, 'utf8');
  const gateway = new ApolloGateway({
    supergraphSdl,
    // Subgraph addresses come from the environment (ports, docker-compose hosts), not from the file.
    buildService: ({ name }) => new AuthenticatedDataSource(name, subgraphUrl(name as SubgraphName)),
  });
  const learnedRoutes = answerSingleSubgraphQueriesDirectly(gateway, supergraphSdl);
  const { app, server } = newHttp();
  const limits = operationLimits();
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    formatError,
    includeStacktraceInErrorResponses: false,
    stopOnTerminationSignals: false,
    validationRules: limits.validationRules,
    allowBatchedHttpRequests: false,
    plugins: [...limits.plugins, ApolloServerPluginLandingPageDisabled(), ApolloServerPluginInlineTraceDisabled(), ApolloServerPluginDrainHttpServer({ httpServer: server }), sqlTracePlugin, replayPlugin, responseCache()],
  });
  await apollo.start();

  mountPages(app);
  app.get('/health', async (_req, res) => {
    const subgraphs = await subgraphHealth();
    const ok = Object.values(subgraphs).every((s) => s === 'up');
    res.status(ok ? 200 : 503).json({ status: ok ? 'ok' : 'degraded', service: 'gateway', supergraph: 'loaded', subgraphs });
  });
  app.set('trust proxy', trustProxy(envOptional('TRUST_PROXY')));
  const limiter = rateLimiter();
  app.use(
    '/graphql',
    withRequestScope,
    ...(limiter ? [rateLimit(limiter)] : []),
    express.json({ limit: LIMITS.bodyBytes }),
    tokenLimit,
    expressMiddleware(apollo, {
      context: async ({ req, res }) => ({
        viewer: res.locals.viewer ?? (await viewerFromHeader(req.headers.authorization)),
        requestId: currentRequestId(),
        ...idempotencyOf(req.body),
        sqlStatements: req.headers[TRACE_HEADER] === 'sql' && !isProduction() ? {} : undefined,
      }),
    }),
  );
  app.use(jsonBodyErrors);
  if (learnedRoutes) {
    server.removeListener('request', app);
    server.on('request', withFastLane(app, { routes: learnedRoutes, servedByCache, limiter, maxBodyBytes: LIMITS.bodyBytes }));
  }
  const bound = await listen(server, port);
  log.info({ port: bound }, `gateway ready: http://localhost:${bound}/graphql`);
  return { port: bound, stop: () => apollo.stop() };
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
  // GATEWAY_WORKERS > 1: one gateway process per core behind Node's cluster (the port is shared).
  const workers = envInt('GATEWAY_WORKERS', 1, 1, 64);
  if (workers > 1 && cluster.isPrimary) runWorkers(workers);
  else serve();
}
