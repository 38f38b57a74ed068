import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { freePort, log, setServiceName, signToken, startEmbeddedPostgres, type ServiceName } from '@moukawil/kit';
import { ROOT } from './paths';
import { startStack } from './stack';

/**
 * `npm run bench -- [--registrations N] [--iterations N]`: a first, sequential benchmark
 * (one client, loopback) of the operations users run most. Prints a table, writes bench/results.json.
 */
const DASHBOARD = `{ regions { code name registrationStats(year: 2019) { registered womenShare } programmes { code } scorecard(year: 2019) { indicator { code } target actual status } } nationalScorecard(year: 2019) { indicator { code } actual status } }`;
const REGIONS_ONLY = `{ regions { code name population isPilot } }`;
const PAGE = `{ autoEntrepreneurs(region: "MA-06", first: 50) { edges { node { id fullName status } } pageInfo { endCursor } } }`;

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

async function measure(url: string, query: string, iterations: number, token?: string) {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  const once = async () => {
    const started = process.hrtime.bigint();
    const response = await fetch(url, { method: 'POST', headers, body: JSON.stringify({ query }) });
    const body = (await response.json()) as { errors?: unknown };
    if (body.errors) throw new Error(`bench query failed: ${JSON.stringify(body.errors)}`);
    return Number(process.hrtime.bigint() - started) / 1e6;
  };
  for (let i = 0; i < Math.min(20, iterations); i++) await once();
  const times: number[] = [];
  const started = Date.now();
  for (let i = 0; i < iterations; i++) times.push(await once());
  const seconds = (Date.now() - started) / 1000;
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))];
  return { iterations, p50: at(0.5), p95: at(0.95), mean: times.reduce((s, t) => s + t, 0) / times.length, perSecond: iterations / seconds };
}

async function main(): Promise<void> {
  setServiceName('bench');
  const registrations = arg('--registrations', 20_000);
  const iterations = arg('--iterations', 200);
  const dataDir = mkdtempSync(join(tmpdir(), 'moukawil-bench-'));
  chmodSync(dataDir, 0o755);
  const database = await startEmbeddedPostgres(join(dataDir, 'postgres'));
  const ports = {} as Record<ServiceName, number>;
  for (const name of ['gateway', 'regions', 'registry', 'programs', 'indicators'] as ServiceName[]) ports[name] = await freePort();
  const seedStarted = Date.now();
  const stack = await startStack({
    env: { DATABASE_URL: database.url, DATABASE_PREFIX: 'bench_', SEED_REGISTRATIONS: String(registrations), LOG_LEVEL: 'warn' },
    ports, stdio: 'ignore', readyTimeoutMs: 3_600_000,
  });
  const startSeconds = (Date.now() - seedStarted) / 1000;
  try {
    const national = await signToken({ subject: 'bench', role: 'NATIONAL' });
    const gateway = `http://127.0.0.1:${ports.gateway}/graphql`;
    const scenarios = {
      'national dashboard (4 subgraphs)': await measure(gateway, DASHBOARD, iterations),
      'regions via gateway': await measure(gateway, REGIONS_ONLY, iterations),
      'regions straight to subgraph': await measure(`http://127.0.0.1:${ports.regions}/graphql`, REGIONS_ONLY, iterations),
      'list page 1 (50 people)': await measure(gateway, PAGE, iterations, national),
    };
    const overhead = scenarios['regions via gateway'].p50 / scenarios['regions straight to subgraph'].p50;
    const rows = Object.entries(scenarios).map(([name, r]) =>
      `| ${name.padEnd(34)} | ${r.p50.toFixed(1).padStart(7)} | ${r.p95.toFixed(1).padStart(7)} | ${r.perSecond.toFixed(0).padStart(7)} |`);
    process.stdout.write([
      '',
      `Moukawil Graph bench: ${registrations} registrations, ${iterations} sequential requests per scenario, ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}`,
      `| ${'scenario'.padEnd(34)} | p50 ms  | p95 ms  | req/s   |`,
      `|${'-'.repeat(36)}|---------|---------|---------|`,
      ...rows,
      `gateway overhead (p50 ratio): ${overhead.toFixed(2)} ×; first start with seeding: ${startSeconds.toFixed(1)} s`,
      '',
    ].join('\n'));
    mkdirSync(join(ROOT, 'bench'), { recursive: true });
    writeFileSync(join(ROOT, 'bench', 'results.json'), JSON.stringify({
      date: new Date().toISOString(), registrations, iterations,
      machine: { cpus: cpus().length, model: cpus()[0]?.model, memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version },
      startWithSeedSeconds: startSeconds, gatewayOverheadRatio: overhead, scenarios,
    }, null, 2) + '\n');
  } finally {
    await stack.stop();
    await database.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  log.error({ err: error }, 'bench failed');
  process.exit(1);
});
