import { execFileSync, spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { freePort, log, setServiceName, signToken, startEmbeddedPostgres, type ServiceName } from '@moukawil/kit';
import { BENCH_PROXY_ENTRY, DEFAULT_DATA_DIR, GATEWAY_ENTRY, gatewayNodeArgs, ROOT, subgraphEntry } from './paths';
import { summariseProfile } from './profile-summary';
import { portsEnv, startStack } from './stack';

/**
 * `npm run bench -- [--registrations N] [--duration S] [--connections C]`: the stack on loopback
 * at a chosen scale, measured with autocannon. Prints a table and writes bench/results.json.
 * The seeded database is kept in .data/bench-N, so a second run at the same scale starts at once.
 */
const DASHBOARD = `{ regions { code name registrationStats(year: 2019) { registered womenShare } programmes { code } scorecard(year: 2019) { indicatorCode target actual status } } nationalScorecard(year: 2019) { indicatorCode actual status } }`;
const REGIONS_ONLY = `{ regions { code name population isPilot } }`;
const PAGE = `query($after: String) { autoEntrepreneurs(region: "MA-06", first: 50, after: $after) { edges { node { id fullName status } } pageInfo { endCursor } } }`;

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};

interface Load { requestsPerSecond: number; mean: number; p50: number; p97_5: number; p99: number; errors: number; non2xx: number }

async function load(url: string, body: object, token: string | null, duration: number, connections: number): Promise<Load> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  const result = await autocannon({ url, method: 'POST', headers, body: JSON.stringify(body), duration, connections });
  return {
    requestsPerSecond: Math.round(result.requests.average), mean: Math.round(result.latency.average * 1000) / 1000, p50: result.latency.p50, p97_5: result.latency.p97_5, p99: result.latency.p99,
    errors: result.errors, non2xx: result.non2xx,
  };
}

async function gql(url: string, query: string, variables: object, token: string | null, headers: Record<string, string> = {}) {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers }, body: JSON.stringify({ query, variables }) });
  const body = (await response.json()) as { data?: any; errors?: unknown[]; extensions?: any };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body;
}

const rssPeak = (pid: number) => {
  try {
    return Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) / 1024;
  } catch {
    return null;
  }
};

/** Rounds of one scenario as one: request-weighted mean, worst percentiles. */
function combine(runs: Load[]): Load {
  const weight = runs.reduce((sum, r) => sum + r.requestsPerSecond, 0) || 1;
  const worst = (key: 'p50' | 'p97_5' | 'p99') => Math.max(...runs.map((r) => r[key]));
  return {
    requestsPerSecond: Math.round(weight / runs.length),
    mean: Math.round(runs.reduce((sum, r) => sum + r.mean * r.requestsPerSecond, 0) / weight * 1000) / 1000,
    p50: worst('p50'), p97_5: worst('p97_5'), p99: worst('p99'),
    errors: runs.reduce((sum, r) => sum + r.errors, 0), non2xx: runs.reduce((sum, r) => sum + r.non2xx, 0),
  };
}

/** A CSV of `rows` applications with CINs no earlier run has imported (two random letters, a random base). */
function importFile(path: string, rows: number): string {
  const prefix = String.fromCharCode(65 + Math.floor(Math.random() * 26), 65 + Math.floor(Math.random() * 26));
  const base = 1_000_000 + Math.floor(Math.random() * 8_000_000);
  writeFileSync(path, ['fullName,nationalId,gender,birthDate,region,activityCode,province,phone,segment,submittedAt',
    ...Array.from({ length: rows }, (_, i) => `Bench Person,${prefix}${base + i},FEMALE,1990-01-01,MA-06,C-01,,,,2025-01-02T00:00:00Z`)].join('\n'));
  return path;
}

/** A process of ours (a gateway, the bare proxy) on a free port, until stopped. */
async function spawnService(args: string[], envFor: (port: number) => NodeJS.ProcessEnv, argsFor: (port: number) => string[] = () => []): Promise<{ url: string; stop: () => Promise<void> }> {
  const port = await freePort();
  const child = spawn(process.execPath, [...args, ...argsFor(port)], { env: envFor(port), stdio: 'ignore' });
  const url = `http://127.0.0.1:${port}/graphql`;
  for (let i = 0; i < 100; i++) {
    const answered = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ __typename }"}' }).then(() => true, () => false);
    if (answered) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return { url, stop: () => { child.kill('SIGTERM'); return exited; } };
}

async function main(): Promise<void> {
  setServiceName('bench');
  const registrations = arg('--registrations', 100_000);
  const duration = arg('--duration', 10);
  const connections = arg('--connections', 20);
  const dataDir = join(DEFAULT_DATA_DIR, `bench-${registrations}`);
  mkdirSync(dataDir, { recursive: true });
  chmodSync(dataDir, 0o755);
  const fresh = !existsSync(join(dataDir, 'postgres', 'PG_VERSION'));
  const database = await startEmbeddedPostgres(join(dataDir, 'postgres'));
  const ports = {} as Record<ServiceName, number>;
  for (const name of ['gateway', 'regions', 'registry', 'programs', 'indicators'] as ServiceName[]) ports[name] = await freePort();
  const started = Date.now();
  const env = { DATABASE_URL: database.url, DATABASE_PREFIX: 'bench_', SEED_REGISTRATIONS: String(registrations), LOG_LEVEL: 'warn', SNAPSHOT_SCHEDULE: 'off', RATE_LIMIT_PER_MINUTE: '0' }; // the bench is one client at full speed
  const stack = await startStack({ env, ports, stdio: 'ignore', readyTimeoutMs: 3_600_000 });
  const startSeconds = (Date.now() - started) / 1000;
  try {
    const national = await signToken({ subject: 'bench', role: 'NATIONAL' });
    const council = await signToken({ subject: 'bench-council', role: 'REGIONAL', region: 'MA-06' });
    const gateway = `http://127.0.0.1:${ports.gateway}/graphql`;
    log.info({ registrations, fresh, startSeconds }, 'stack up; measuring');

    // (b) the cursor of page 500 of a regional council's list
    let after: string | null = null;
    for (let page = 1; page < 500; page++) after = (await gql(gateway, PAGE, { after }, council)).data.autoEntrepreneurs.pageInfo.endCursor;
    const sql = (await gql(gateway, DASHBOARD, {}, national, { 'x-moukawil-trace': 'sql' })).extensions.sqlStatements;

    // Baselines on the same subgraphs: Apollo's stock gateway, and ours with the response cache off.
    const gatewayWith = (extra: NodeJS.ProcessEnv) => spawnService(
      [...(extra.GATEWAY_STOCK ? [] : gatewayNodeArgs()), GATEWAY_ENTRY], // the stock gateway runs as a user would run it: Node's defaults
      (port) => ({ ...process.env, ...env, ...portsEnv(ports), GATEWAY_PORT: String(port), ...extra }),
    );
    const baseline = async (extra: NodeJS.ProcessEnv, query = DASHBOARD) => {
      const other = await gatewayWith(extra);
      try {
        return await load(other.url, { query }, null, duration, connections);
      } finally {
        await other.stop();
      }
    };
    const scenarios: Record<string, Load> = {
      'dashboard, public, stock Apollo gateway': await baseline({ GATEWAY_STOCK: 'true' }),
      'dashboard, public, our gateway with cache off': await baseline({ CACHE_TTL_SECONDS: '0' }),
      'dashboard, public, our gateway with cache and deduplication off': await baseline({ CACHE_TTL_SECONDS: '0', GATEWAY_DEDUPLICATE: 'false' }),
      'dashboard, public (cache on)': await load(gateway, { query: DASHBOARD }, null, duration, connections),
      'dashboard, national token (no cache)': await load(gateway, { query: DASHBOARD }, national, duration, connections),
      'council list page 1': await load(gateway, { query: PAGE, variables: { after: null } }, council, duration, connections),
      'council list page 500': await load(gateway, { query: PAGE, variables: { after } }, council, duration, connections),
      'regions via gateway (no cache)': await load(gateway, { query: REGIONS_ONLY }, national, duration, connections),
      // The same query through Apollo's stock gateway: how much of the overhead is Apollo Gateway's own.
      'regions via stock Apollo gateway': await baseline({ GATEWAY_STOCK: 'true' }, REGIONS_ONLY),
      // Ours as the stock one is measured (anonymous), without the cache nor deduplication: its own cost per call.
      'regions via our gateway, anonymous, cache and deduplication off': await baseline({ CACHE_TTL_SECONDS: '0', GATEWAY_DEDUPLICATE: 'false' }, REGIONS_ONLY),
      'regions straight to subgraph': await load(`http://127.0.0.1:${ports.regions}/graphql`, { query: REGIONS_ONLY }, national, duration, connections),
    };

    // (c) the gateway's overhead as latency: one client, so the gateway and the subgraph do not
    // compete for the two cores; the same caller on every path; a bare proxy gives the floor.
    const plain = await gatewayWith({ CACHE_TTL_SECONDS: '0', GATEWAY_DEDUPLICATE: 'false' });
    const stockGateway = await gatewayWith({ GATEWAY_STOCK: 'true' });
    const proxy = await spawnService([BENCH_PROXY_ENTRY, `http://127.0.0.1:${ports.regions}/graphql`], () => process.env, (port) => [String(port)]);
    const registryProxy = await spawnService([BENCH_PROXY_ENTRY, `http://127.0.0.1:${ports.registry}/graphql`], () => process.env, (port) => [String(port)]);
    const paths: Array<[name: string, url: string, body: object, token: string | null]> = [
      ['regions straight to the subgraph', `http://127.0.0.1:${ports.regions}/graphql`, { query: REGIONS_ONLY }, null],
      ['regions through a bare Node proxy (the floor)', proxy.url, { query: REGIONS_ONLY }, null],
      ['regions through our gateway (cache and deduplication off)', plain.url, { query: REGIONS_ONLY }, null],
      ['regions through Apollo\'s stock gateway', stockGateway.url, { query: REGIONS_ONLY }, null],
      ['council list page 1 straight to the registry', `http://127.0.0.1:${ports.registry}/graphql`, { query: PAGE, variables: { after: null } }, council],
      ['council list page 1 through a bare Node proxy (the floor)', registryProxy.url, { query: PAGE, variables: { after: null } }, council],
      ['council list page 1 through our gateway (cache and deduplication off)', plain.url, { query: PAGE, variables: { after: null } }, council],
    ];
    const latency: Record<string, Load> = {};
    try {
      // Interleaved rounds, so that a noisy moment of this shared machine falls on every path alike.
      const rounds = 4;
      const samples = new Map<string, Load[]>(paths.map(([name]) => [name, []]));
      for (let round = 0; round < rounds; round++) {
        for (const [name, url, body, token] of paths) samples.get(name)!.push(await load(url, body, token, Math.max(1, Math.round(duration / rounds)), 1));
      }
      for (const [name, runs] of samples) latency[name] = combine(runs);
    } finally {
      await Promise.all([plain, stockGateway, proxy, registryProxy].map((service) => service.stop()));
    }
    const ratio = (path: string, direct: string) => latency[path].mean / Math.max(latency[direct].mean, 0.001);
    const singleClientOverhead = {
      regions: {
        ourGateway: ratio('regions through our gateway (cache and deduplication off)', 'regions straight to the subgraph'),
        stockGateway: ratio('regions through Apollo\'s stock gateway', 'regions straight to the subgraph'),
        bareProxy: ratio('regions through a bare Node proxy (the floor)', 'regions straight to the subgraph'),
      },
      councilListPage: {
        ourGateway: ratio('council list page 1 through our gateway (cache and deduplication off)', 'council list page 1 straight to the registry'),
        bareProxy: ratio('council list page 1 through a bare Node proxy (the floor)', 'council list page 1 straight to the registry'),
      },
    };

    // (d) bulk import: three runs of fresh rows, the median reported (one run varies by ±20 % here).
    // The database is reused, so earlier runs' imports are in it: the register's size is reported.
    const registerSize: number = (await gql(gateway, '{ nationalStats { applications } }', {}, national)).data.nationalStats.applications;
    const rows = 20_000;
    const runs: Array<{ rowsPerSecond: number; withStart: number }> = [];
    for (let run = 0; run < 3; run++) {
      const csv = importFile(join(dataDir, 'bench-import.csv'), rows);
      const importStarted = Date.now();
      const summary = execFileSync(process.execPath, [subgraphEntry('registry'), 'import', csv, '--rejects', `${csv}.rejects.csv`], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'ignore'], encoding: 'utf8' });
      // The import's own time (its summary line), and the wall time with Node's start and migration check.
      const importSeconds = Number(/ in ([\d.]+) s/.exec(summary)?.[1] ?? NaN);
      const imported = Number(/: (\d+) imported/.exec(summary)?.[1] ?? NaN);
      if (imported !== rows) throw new Error(`the bench import wrote ${imported} of ${rows} rows: ${summary}`);
      runs.push({ rowsPerSecond: Math.round(rows / importSeconds), withStart: Math.round(rows / ((Date.now() - importStarted) / 1000)) });
    }
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
    const importRowsPerSecond = median(runs.map((r) => r.rowsPerSecond));
    const importRowsPerSecondWithStart = median(runs.map((r) => r.withStart));

    // --profile: the same one-client load on a gateway and one more import, each under
    // `node --cpu-prof`, summarised in bench/profiles/*.txt (the profiles that explain the figures).
    const profiles: string[] = [];
    if (process.argv.includes('--profile')) {
      const dir = join(ROOT, 'bench', 'profiles');
      mkdirSync(dir, { recursive: true });
      const profiled = await spawnService([...gatewayNodeArgs(), '--cpu-prof', `--cpu-prof-dir=${dir}`, '--cpu-prof-name=gateway.cpuprofile', GATEWAY_ENTRY],
        (port) => ({ ...process.env, ...env, ...portsEnv(ports), GATEWAY_PORT: String(port), CACHE_TTL_SECONDS: '0', GATEWAY_DEDUPLICATE: 'false' }));
      await load(profiled.url, { query: REGIONS_ONLY }, null, duration, 1);
      await profiled.stop();
      const again = importFile(join(dataDir, 'bench-import-profiled.csv'), rows);
      execFileSync(process.execPath, ['--cpu-prof', `--cpu-prof-dir=${dir}`, '--cpu-prof-name=import.cpuprofile', subgraphEntry('registry'), 'import', again, '--rejects', `${again}.rejects.csv`], { env: { ...process.env, ...env }, stdio: 'ignore' });
      for (const name of ['gateway', 'import']) {
        writeFileSync(join(dir, `${name}.txt`), summariseProfile(join(dir, `${name}.cpuprofile`)));
        profiles.push(join('bench', 'profiles', `${name}.txt`));
      }
    }

    const rss = Object.fromEntries(Object.entries(stack.pids()).map(([name, pid]) => [name, rssPeak(pid)]));
    const overhead = scenarios['regions via gateway (no cache)'].p50 / Math.max(scenarios['regions straight to subgraph'].p50, 0.01);
    const stockOverhead = scenarios['regions via stock Apollo gateway'].p50 / Math.max(scenarios['regions straight to subgraph'].p50, 0.01);
    const plainOverhead = scenarios['regions via our gateway, anonymous, cache and deduplication off'].p50 / Math.max(scenarios['regions straight to subgraph'].p50, 0.01);
    const stock = scenarios['dashboard, public, stock Apollo gateway'].requestsPerSecond;
    const versusStock = {
      cacheOff: scenarios['dashboard, public, our gateway with cache off'].requestsPerSecond / Math.max(stock, 1),
      cacheAndDeduplicationOff: scenarios['dashboard, public, our gateway with cache and deduplication off'].requestsPerSecond / Math.max(stock, 1),
      cacheOn: scenarios['dashboard, public (cache on)'].requestsPerSecond / Math.max(stock, 1),
    };
    const results = {
      versusStock,
      date: new Date().toISOString(), registrations, duration, connections,
      machine: { cpus: cpus().length, model: cpus()[0]?.model, memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version },
      startSeconds, freshSeed: fresh, scenarios, singleClientLatency: latency, singleClientOverhead, gatewayOverheadP50: overhead, stockGatewayOverheadP50: stockOverhead, plainGatewayOverheadP50: plainOverhead, page500OverPage1P50: scenarios['council list page 500'].p50 / Math.max(scenarios['council list page 1'].p50, 0.01),
      importRowsPerSecond, importRowsPerSecondWithStart, importRuns: runs, importRegisterSize: registerSize, sqlStatementsPerDashboard: sql, peakRssMB: rss,
    };
    const table = [
      `Moukawil Graph bench: ${registrations.toLocaleString('en')} registrations, ${connections} connections × ${duration} s per scenario, ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}`,
      '| scenario | req/s | p50 ms | p97.5 ms | p99 ms | errors |',
      '| --- | --- | --- | --- | --- | --- |',
      ...Object.entries(scenarios).map(([name, r]) => `| ${name} | ${r.requestsPerSecond} | ${r.p50} | ${r.p97_5} | ${r.p99} | ${r.errors + r.non2xx} |`),
      '',
      '| one client (latency) | mean ms | p50 ms | p99 ms |',
      '| --- | --- | --- | --- |',
      ...Object.entries(latency).map(([name, r]) => `| ${name} | ${r.mean} | ${r.p50} | ${r.p99} |`),
      '',
      `gateway overhead, one client (mean): regions ${singleClientOverhead.regions.ourGateway.toFixed(2)} × (stock Apollo gateway ${singleClientOverhead.regions.stockGateway.toFixed(2)} ×, bare proxy ${singleClientOverhead.regions.bareProxy.toFixed(2)} ×); council list page ${singleClientOverhead.councilListPage.ourGateway.toFixed(2)} × (bare proxy ${singleClientOverhead.councilListPage.bareProxy.toFixed(2)} ×)`,
      `gateway overhead at ${connections} connections (p50, regions): ${overhead.toFixed(2)} × (deduplication off, anonymous: ${plainOverhead.toFixed(2)} ×; stock Apollo gateway ${stockOverhead.toFixed(2)} ×); page 500 / page 1 (p50): ${results.page500OverPage1P50.toFixed(2)} ×`,
      `dashboard throughput versus the stock gateway: ${versusStock.cacheOff.toFixed(2)} × with our cache off (${versusStock.cacheAndDeduplicationOff.toFixed(2)} × with deduplication off too), ${versusStock.cacheOn.toFixed(1)} × with it on`,
      `bulk import: ${importRowsPerSecond.toLocaleString('en')} rows/s, median of ${runs.map((r) => r.rowsPerSecond.toLocaleString('en')).join(', ')} (${importRowsPerSecondWithStart.toLocaleString('en')} with process start), into a register of ${registerSize.toLocaleString('en')} people; SQL statements per dashboard: ${JSON.stringify(sql)}`,
      ...(profiles.length ? [`profiles (node --cpu-prof, summarised): ${profiles.join(', ')}`] : []),
      `peak RSS MB: ${Object.entries(rss).map(([n, v]) => `${n} ${v?.toFixed(0)}`).join(', ')}; start ${startSeconds.toFixed(1)} s (${fresh ? 'with seeding' : 'data reused'})`,
    ].join('\n');
    process.stdout.write(`\n${table}\n`);
    mkdirSync(join(ROOT, 'bench'), { recursive: true });
    writeFileSync(join(ROOT, 'bench', 'results.json'), JSON.stringify(results, null, 2) + '\n');
    writeFileSync(join(ROOT, 'bench', 'results.md'), table + '\n');
  } finally {
    await stack.stop();
    await database.stop();
  }
}

main().catch((error) => {
  log.error({ err: error }, 'bench failed');
  process.exit(1);
});
