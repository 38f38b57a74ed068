import cluster from 'node:cluster';
import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { AggregatorRegistry, collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';
import { envOptional, isProduction } from './config';

/**
 * Prometheus metrics of one process (prom-client), served at /metrics by the gateway and by every
 * subgraph. Names are prefixed `moukawil_`; the process's own (CPU, memory, event loop, GC) come
 * from prom-client's defaults. Every series carries `service`.
 */
export const metrics = new Registry();
let started = false;

/** Names the process in every series and starts the default process metrics; once per process. */
export function startMetrics(service: string): void {
  if (started) return;
  started = true;
  metrics.setDefaultLabels({ service });
  collectDefaultMetrics({ register: metrics, prefix: 'moukawil_' });
}

const SECONDS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

export const graphqlRequests = new Counter({
  name: 'moukawil_graphql_requests_total',
  help: 'GraphQL requests answered, by operation name and outcome (ok, or the code of the first error).',
  labelNames: ['operation', 'outcome'] as const,
  registers: [metrics],
});
export const graphqlDuration = new Histogram({
  name: 'moukawil_graphql_request_duration_seconds',
  help: 'Time to answer a GraphQL request, by operation name.',
  labelNames: ['operation'] as const,
  buckets: SECONDS,
  registers: [metrics],
});
export const graphqlErrors = new Counter({
  name: 'moukawil_graphql_errors_total',
  help: 'GraphQL errors in answers, by code.',
  labelNames: ['code'] as const,
  registers: [metrics],
});
export const subgraphFetches = new Counter({
  name: 'moukawil_subgraph_fetches_total',
  help: 'Calls from the gateway to a subgraph, by subgraph and outcome (HTTP status class, or unreachable).',
  labelNames: ['subgraph', 'outcome'] as const,
  registers: [metrics],
});
export const plansExecuted = new Counter({
  name: 'moukawil_gateway_plans_total',
  help: "Query plans run by the gateway, by executor: its own (gateway), or Apollo Gateway's for what it leaves to it (apollo).",
  labelNames: ['executor'] as const,
  registers: [metrics],
});
export const subgraphFetchesShared = new Counter({
  name: 'moukawil_subgraph_fetches_shared_total',
  help: 'Subgraph calls not sent because an identical one was in flight: its answer served them (deduplication).',
  labelNames: ['subgraph'] as const,
  registers: [metrics],
});
export const subgraphFetchDuration = new Histogram({
  name: 'moukawil_subgraph_fetch_duration_seconds',
  help: 'Time of a call from the gateway to a subgraph.',
  labelNames: ['subgraph'] as const,
  buckets: SECONDS,
  registers: [metrics],
});
export const rateLimited = new Counter({
  name: 'moukawil_rate_limited_total',
  help: 'Requests refused by the rate limit (429), by entry (graphql, export).',
  labelNames: ['entry'] as const,
  registers: [metrics],
});

/**
 * Operation names are the client's to choose: a label of its own for at most OPERATION_NAMES of
 * them (the first seen), `other` after, so that a client cannot grow the series without bound.
 */
const OPERATION_NAMES = 200;
const named = new Set<string>();
export function operationLabel(name: string | null | undefined): string {
  if (!name) return 'anonymous';
  if (named.has(name)) return name;
  if (named.size >= OPERATION_NAMES || !/^[A-Za-z_][A-Za-z0-9_]{0,63}$/.test(name)) return 'other';
  named.add(name);
  return name;
}

/** Counts one answered GraphQL request: its outcome is the first error's code, else ok. */
export function countGraphQL(operation: string, seconds: number, errorCodes: string[]): void {
  graphqlRequests.inc({ operation, outcome: errorCodes[0] ?? 'ok' });
  graphqlDuration.observe({ operation }, seconds);
  for (const code of errorCodes) graphqlErrors.inc({ code });
}

const ERRORS_FIRST = '{"errors":';

/**
 * The error codes of a GraphQL answer's body, read only when it has errors. Every answer the
 * gateway writes puts them first when it has any (Apollo Server's order, and the gateway's own),
 * so a body is parsed only when it starts with them: a 46 KB dashboard is not scanned for nothing.
 */
export function errorCodesOf(body: string | Buffer): string[] {
  const head = typeof body === 'string' ? body.slice(0, ERRORS_FIRST.length) : body.toString('utf8', 0, ERRORS_FIRST.length);
  if (head !== ERRORS_FIRST) return [];
  try {
    const parsed = JSON.parse(typeof body === 'string' ? body : body.toString('utf8')) as { errors?: Array<{ extensions?: { code?: unknown } }> };
    return (parsed.errors ?? []).map((e) => (typeof e.extensions?.code === 'string' ? e.extensions.code : 'INTERNAL_SERVER_ERROR'));
  } catch {
    return ['INTERNAL_SERVER_ERROR'];
  }
}

/**
 * A process that runs under Node's cluster (the gateway with GATEWAY_WORKERS > 1) answers /metrics
 * for all its workers, summed, whichever worker the scrape reaches: the worker asks the primary,
 * which gathers every worker's registry (prom-client's AggregatorRegistry). Call it in the primary
 * and in each worker.
 */
let fromPrimary: (() => Promise<string>) | null = null;
export function metricsAcrossWorkers(): void {
  if (cluster.isPrimary) {
    const aggregator = new AggregatorRegistry();
    cluster.on('message', (worker, message: { type?: string; id?: number }) => {
      if (message?.type !== 'moukawil:metrics?') return;
      aggregator.clusterMetrics().then(
        (text) => worker.send({ type: 'moukawil:metrics', id: message.id, text }),
        () => worker.send({ type: 'moukawil:metrics', id: message.id, text: null }),
      );
    });
    return;
  }
  // Constructing one is what makes prom-client answer the primary's requests in a worker.
  new AggregatorRegistry();
  AggregatorRegistry.setRegistries([metrics]);
  const waiting = new Map<number, (text: string | null) => void>();
  let next = 0;
  process.on('message', (message: { type?: string; id?: number; text?: string | null }) => {
    if (message?.type !== 'moukawil:metrics' || message.id === undefined) return;
    waiting.get(message.id)?.(message.text ?? null);
    waiting.delete(message.id);
  });
  fromPrimary = () =>
    new Promise((resolve, reject) => {
      const id = next++;
      const timer = setTimeout(() => waiting.delete(id) && reject(new Error('the primary did not answer')), 5_000);
      waiting.set(id, (text) => {
        clearTimeout(timer);
        if (text === null) reject(new Error('the primary could not gather the workers'));
        else resolve(text);
      });
      process.send!({ type: 'moukawil:metrics?', id });
    });
}

/** Compared in constant time (of equal-length digests), so that response times do not spell the token out. */
function sameSecret(given: string, expected: string): boolean {
  const digest = (text: string) => createHash('sha256').update(text).digest();
  return timingSafeEqual(digest(given), digest(expected));
}

/**
 * GET /metrics. Outside production anyone may read it; in production only with
 * `Authorization: Bearer $METRICS_TOKEN` (the scraper's), and not at all (404) without that setting:
 * series names and operation names are nobody else's business.
 */
export async function serveMetrics(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const token = envOptional('METRICS_TOKEN');
  const allowed = token ? sameSecret(req.headers.authorization ?? '', `Bearer ${token}`) : !isProduction();
  if (!allowed) {
    res.writeHead(token ? 401 : 404, { 'content-type': 'text/plain; charset=utf-8' });
    res.end(token ? 'metrics need the scraper token\n' : 'not found\n');
    return;
  }
  let body: string;
  try {
    body = fromPrimary ? await fromPrimary() : await metrics.metrics();
  } catch {
    res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' });
    res.end('metrics unavailable: try again\n');
    return;
  }
  res.writeHead(200, { 'content-type': metrics.contentType, 'cache-control': 'no-store' });
  res.end(body);
}
