import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { log, setServiceName, signToken, type ServiceName } from '@moukawil/kit/core';
import { freePort, startEmbeddedPostgres } from '@moukawil/kit/subgraph';
import { hostileScenario } from './bench-hostile';
import { DEMO_PASSWORD } from './identity-accounts';
import { startIdentityProvider } from './identity';
import { combine, exportRun, gql, importFile, load, median, rssPeak, sequential, type Load, type Request } from './bench-load';
import { queryFloor } from './bench-floor';
import { measurePages } from './bench-pages';
import { bareProxy, hiveGateway, otlpSink, ourGateway, stockGateway, subgraphUrls, type Peer } from './bench-peers';
import { FLOOR, writeReport, type Results } from './bench-report';
import { DEFAULT_DATA_DIR, GATEWAY_ENTRY, gatewayNodeArgs, ROOT, subgraphEntry } from './paths';
import { summariseProfile } from './profile-summary';
import { portsEnv, startStack } from './stack';

/**
 * `npm run bench -- [--registrations N] [--duration S] [--connections C] [--profile]`: the stack on
 * loopback at a chosen scale, measured with autocannon beside its peers in the same run (Apollo's
 * stock gateway and Hive Gateway over the same supergraph and subgraphs). Writes bench/results.json
 * and the tables of docs/benchmarks.md. The seeded database is kept in .data/bench-N.
 */
const FIGURES = 'applications registered women womenShare turnover taxContribution';
const PLAIN = `regions { code name isPilot registrationStats { ${FIGURES} } programmes { code name kind } } nationalStats { ${FIGURES} }`;
const QUERIES = {
  /** The national dashboard: every region's figures and programmes, the national figures, the 13 scorecards. */
  dashboard: `{ ${PLAIN} scorecards(year: 2020) { scope statuses { indicator { code name } target actual progress status } } }`,
  /** The same without scorecards: an ordinary two-stage plan over three subgraphs. */
  plain: `{ ${PLAIN} }`,
  nationalStats: `{ nationalStats { ${FIGURES} } }`,
  regions: `{ regions { code name population isPilot } }`,
  page: `query($after: String) { autoEntrepreneurs(region: "MA-06", first: 50, after: $after) { edges { node { id fullName status } } pageInfo { endCursor } } }`,
};

/**
 * Rounds of the gateways' comparison, each half the scenario's time: a gateway's figure is the
 * average of its rounds, interleaved with the other gateways' so that a noisy moment of this
 * shared machine falls on all of them alike.
 */
const COMPARED_ROUNDS = 4;

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};

async function main(): Promise<void> {
  setServiceName('bench');
  const registrations = arg('--registrations', 100_000);
  const seconds = arg('--duration', 10);
  const connections = arg('--connections', 16);
  const dataDir = join(DEFAULT_DATA_DIR, `bench-${registrations}`);
  mkdirSync(dataDir, { recursive: true });
  chmodSync(dataDir, 0o755);
  const fresh = !existsSync(join(dataDir, 'postgres', 'PG_VERSION'));
  const database = await startEmbeddedPostgres(join(dataDir, 'postgres'));
  const ports = {} as Record<ServiceName, number>;
  for (const name of ['gateway', 'regions', 'registry', 'programs', 'indicators'] as ServiceName[]) ports[name] = await freePort();
  // The embedded provider, for the pages measured signed in (bench-pages.ts).
  const identity = await startIdentityProvider(await freePort(), [`http://127.0.0.1:${ports.gateway}`]);
  const started = Date.now();
  // Rate limit off: the bench is one client address at full speed.
  const env = {
    DATABASE_URL: database.url,
    DATABASE_PREFIX: 'bench_',
    SEED_REGISTRATIONS: String(registrations),
    LOG_LEVEL: 'warn',
    SNAPSHOT_SCHEDULE: 'off',
    RATE_LIMIT_PER_MINUTE: '0',
    OIDC_ISSUER: identity.issuer,
  };
  const stack = await startStack({ env, ports, stdio: 'ignore', readyTimeoutMs: 3_600_000 });
  const startSeconds = (Date.now() - started) / 1000;
  const peers: Peer[] = [];
  try {
    const national = await signToken({ subject: 'bench', role: 'NATIONAL' });
    const council = await signToken({ subject: 'bench-council', role: 'REGIONAL', region: 'MA-06' });
    const gateway = `http://127.0.0.1:${ports.gateway}/graphql`;
    const direct = (name: ServiceName) => `http://127.0.0.1:${ports[name]}/graphql`;
    log.info({ registrations, fresh, startSeconds }, 'stack up; measuring');
    const ask = (query: string, token: string | null = national, variables?: Record<string, unknown>): Request => ({ query, token, variables });

    // The cursor of page 500 of a council's list, and the SQL statements of a warm dashboard.
    let after: string | null = null;
    type Page = { autoEntrepreneurs: { pageInfo: { endCursor: string | null } } };
    for (let page = 1; page < 500; page++) after = (await gql<Page>(gateway, ask(QUERIES.page, council, { after }))).data.autoEntrepreneurs.pageInfo.endCursor;
    await gql(gateway, ask(QUERIES.dashboard));
    const sqlStatementsPerDashboard = (await gql(gateway, ask(QUERIES.dashboard), { 'x-moukawil-trace': 'sql' })).extensions?.sqlStatements as Record<
      string,
      number
    >;

    // The gateways compared: each the way its users run it, plus ours and Hive's with deduplication off.
    const peerEnv = { ...env, ...portsEnv(ports), ...subgraphUrls(ports) };
    const off = { CACHE_TTL_SECONDS: '0', GATEWAY_DEDUPLICATE: 'false' };
    const gateways: Record<string, Peer> = {
      'ours, cache and deduplication off': await ourGateway({ ...peerEnv, ...off }),
      'ours, as configured by default': await ourGateway(peerEnv),
      "Apollo's stock gateway": await stockGateway(peerEnv),
      'Hive Gateway, as configured by default': await hiveGateway(peerEnv),
      'Hive Gateway, deduplication off': await hiveGateway({ ...peerEnv, GATEWAY_DEDUPLICATE: 'false' }),
    };
    peers.push(...Object.values(gateways));
    // Every one answers, then the whole stack is warmed under load (the subgraphs compile and optimise
    // their queries on first use): the gateway measured first would otherwise pay for all.
    for (const peer of Object.values(gateways)) await gql(peer.url, ask(QUERIES.dashboard));
    for (const peer of Object.values(gateways)) for (const query of ['dashboard', 'plain'] as const) await load(peer.url, ask(QUERIES[query]), 2, connections);
    // Interleaved rounds, as for the one-client table: a noisy moment of this shared machine falls on
    // every gateway alike instead of on the one measured then.
    const comparedRuns = { dashboard: new Map<string, Load[]>(), plain: new Map<string, Load[]>() };
    for (let round = 0; round < COMPARED_ROUNDS; round++) {
      for (const query of ['dashboard', 'plain'] as const) {
        for (const [name, peer] of Object.entries(gateways)) {
          const runs = comparedRuns[query].get(name) ?? [];
          comparedRuns[query].set(name, [...runs, await load(peer.url, ask(QUERIES[query]), seconds / 2, connections)]);
        }
      }
    }
    const compared: Results['compared'] = {
      dashboard: Object.fromEntries([...comparedRuns.dashboard].map(([name, runs]) => [name, combine(runs)])),
      plain: Object.fromEntries([...comparedRuns.plain].map(([name, runs]) => [name, combine(runs)])),
    };

    // Hostile callers: a gateway of ours as configured by default (its rate limit, off for the rest of
    // the bench, and its bound on requests in flight on) while anonymous clients storm it.
    const guarded = await ourGateway({ ...peerEnv, RATE_LIMIT_PER_MINUTE: '1200' });
    peers.push(guarded);
    const hostile = await hostileScenario(guarded.url, ask(QUERIES.dashboard), ask(QUERIES.regions, council), seconds);

    const scenarios: Record<string, Load> = {
      'council list, page 1 (REGIONAL token)': await load(gateway, ask(QUERIES.page, council, { after: null }), seconds, connections),
      'council list, page 500 (REGIONAL token)': await load(gateway, ask(QUERIES.page, council, { after }), seconds, connections),
      'regions through our gateway': await load(gateway, ask(QUERIES.regions), seconds, connections),
      'regions straight to the subgraph': await load(direct('regions'), ask(QUERIES.regions), seconds, connections),
    };

    // One client at a time (the gateway and the subgraphs do not fight over the cores), interleaved rounds
    // so that a noisy moment of this shared machine falls on every path alike; the bare proxy is the floor.
    const proxies = { regions: await bareProxy(direct('regions')), registry: await bareProxy(direct('registry')) };
    peers.push(...Object.values(proxies));
    const subgraphs = { regions: direct('regions'), registry: direct('registry'), programs: direct('programs'), indicators: direct('indicators') };
    const floor = await queryFloor(peerEnv, subgraphs, ask(QUERIES.dashboard), dataDir);
    peers.push(floor);
    // Traces on: our gateway exporting its spans over OTLP to a sink that accepts and drops them (off is the default: nothing loaded).
    const sink = await otlpSink();
    const traced = await ourGateway({ ...peerEnv, ...off, OTEL_EXPORTER_OTLP_ENDPOINT: sink.url });
    peers.push(sink, traced);
    const plain = gateways['ours, cache and deduplication off'].url;
    const stock = gateways["Apollo's stock gateway"].url;
    const firstPage = ask(QUERIES.page, council, { after: null });
    const paths: Array<[string, string, Request]> = [
      ['dashboard through our gateway (cache and deduplication off)', plain, ask(QUERIES.dashboard)],
      [FLOOR, floor.url, ask(QUERIES.dashboard)],
      ['nationalStats straight to the registry', direct('registry'), ask(QUERIES.nationalStats)],
      ['regions straight to the subgraph', direct('regions'), ask(QUERIES.regions)],
      ['regions through a bare Node proxy (the floor)', proxies.regions.url, ask(QUERIES.regions)],
      ['regions through our gateway (cache and deduplication off)', plain, ask(QUERIES.regions)],
      ['regions through our gateway, traces on (cache and deduplication off)', traced.url, ask(QUERIES.regions)],
      ["regions through Apollo's stock gateway", stock, ask(QUERIES.regions)],
      ['council list page 1 straight to the registry', direct('registry'), firstPage],
      ['council list page 1 through a bare Node proxy (the floor)', proxies.registry.url, firstPage],
      ['council list page 1 through our gateway (cache and deduplication off)', plain, firstPage],
    ];
    const rounds = 4;
    const samples = new Map<string, Load[]>(paths.map(([name]) => [name, []]));
    for (let round = 0; round < rounds; round++) {
      for (const [name, url, request] of paths) samples.get(name)!.push(await sequential(url, request, Math.max(1, Math.round(seconds / rounds))));
    }
    const oneClient = Object.fromEntries([...samples].map(([name, runs]) => [name, combine(runs)]));

    // Bulk import: three runs of fresh rows, the median reported (the database is reused: its size is reported).
    const registerSize = (await gql<{ nationalStats: { applications: number } }>(gateway, ask('{ nationalStats { applications } }'))).data.nationalStats
      .applications;
    const rows = 20_000;
    const imports: number[] = [];
    for (let run = 0; run < 3; run++) {
      const csv = importFile(join(dataDir, 'bench-import.csv'), rows);
      const summary = execFileSync(process.execPath, [subgraphEntry('registry'), 'import', csv, '--rejects', `${csv}.rejects.csv`], {
        env: { ...process.env, ...env },
        stdio: ['ignore', 'pipe', 'ignore'],
        encoding: 'utf8',
      });
      const importSeconds = Number(/ in ([\d.]+) s/.exec(summary)?.[1] ?? NaN);
      const imported = Number(/: (\d+) imported/.exec(summary)?.[1] ?? NaN);
      if (imported !== rows) throw new Error(`the bench import wrote ${imported} of ${rows} rows: ${summary}`);
      imports.push(Math.round(rows / importSeconds));
    }

    // Every person of the register as one CSV export, from a gateway of its own (so that its memory is the export's alone).
    const exporter = await ourGateway(peerEnv);
    peers.push(exporter);
    await gql(exporter.url, ask(QUERIES.regions));
    const exported = await exportRun(exporter.url.replace(/\/graphql$/, '/export/people.csv'), national, exporter.pid);

    const pages = await measurePages(`http://127.0.0.1:${ports.gateway}`, { login: 'council-ma-06', password: DEMO_PASSWORD, region: 'MA-06' });
    const profiles = process.argv.includes('--profile') ? await profile(peerEnv, ask(QUERIES.dashboard), seconds) : [];
    const rss: Record<string, number | null> = Object.fromEntries(Object.entries(stack.pids()).map(([name, pid]) => [name, rssPeak(pid)]));
    rss['gateway (cache and deduplication off)'] = rssPeak(gateways['ours, cache and deduplication off'].pid);
    const results: Results = {
      date: new Date().toISOString(),
      registrations,
      seconds,
      connections,
      startSeconds,
      freshSeed: fresh,
      compared,
      comparedRounds: { rounds: COMPARED_ROUNDS, seconds: seconds / 2 },
      scenarios,
      hostile,
      oneClient,
      import: { rowsPerSecond: median(imports), runs: imports, registerSize },
      export: exported,
      sqlStatementsPerDashboard,
      peakRssMB: rss,
      profiles,
      pages,
    };
    writeReport(results);
  } finally {
    await Promise.all(peers.map((peer) => peer.stop()));
    await stack.stop();
    await identity.stop();
    await database.stop();
  }
}

/** --profile: our gateway under one client on the dashboard, `node --cpu-prof`, summarised in bench/profiles/gateway.txt. */
async function profile(env: NodeJS.ProcessEnv, request: Request, seconds: number): Promise<string[]> {
  const dir = join(ROOT, 'bench', 'profiles');
  mkdirSync(dir, { recursive: true });
  const { spawn } = await import('node:child_process');
  const port = await freePort();
  const child = spawn(process.execPath, [...gatewayNodeArgs(), '--cpu-prof', `--cpu-prof-dir=${dir}`, '--cpu-prof-name=gateway.cpuprofile', GATEWAY_ENTRY], {
    env: { ...process.env, ...env, GATEWAY_PORT: String(port), CACHE_TTL_SECONDS: '0', GATEWAY_DEDUPLICATE: 'false' },
    stdio: 'ignore',
  });
  const url = `http://127.0.0.1:${port}/graphql`;
  for (
    let i = 0;
    i < 300 &&
    !(await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ __typename }"}' }).then(
      (r) => r.ok,
      () => false,
    ));
    i++
  )
    await new Promise((r) => setTimeout(r, 100));
  const served = await load(url, request, seconds, 1);
  await new Promise<void>((resolve) => (child.once('exit', () => resolve()), child.kill('SIGINT')));
  // The requests served, so that a reader can turn any line into milliseconds per dashboard.
  const requests = Math.round(served.requestsPerSecond * seconds);
  writeFileSync(join(dir, 'gateway.txt'), `${requests} dashboard requests in ${seconds} s, one client.\n${summariseProfile(join(dir, 'gateway.cpuprofile'))}`);
  return [join('bench', 'profiles', 'gateway.txt')];
}

main().catch((error) => {
  log.error({ err: error }, 'bench failed');
  process.exit(1);
});
