import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import type { Hostile } from './bench-hostile';
import type { Load } from './bench-load';
import { pageSummary, type PageFigures } from './bench-pages';
import { ROOT } from './paths';

export interface Results {
  date: string;
  registrations: number;
  seconds: number;
  connections: number;
  startSeconds: number;
  freshSeed: boolean;
  /** The national dashboard and the same without scorecards, through each gateway. */
  compared: Record<'dashboard' | 'plain', Record<string, Load>>;
  /** How the comparison ran: rounds per gateway, each of `seconds`, interleaved. */
  comparedRounds: { rounds: number; seconds: number };
  scenarios: Record<string, Load>;
  /** Hostile callers: a dashboard timed while anonymous clients send the heaviest admitted operation (bench-hostile.ts). */
  hostile?: Hostile;
  oneClient: Record<string, Load>;
  import: { rowsPerSecond: number; runs: number[]; registerSize: number };
  /** Every person as one CSV export (national token), from a gateway of its own. */
  export?: { rows: number; seconds: number; rssBeforeMB: number | null; rssPeakMB: number | null };
  sqlStatementsPerDashboard: Record<string, number>;
  peakRssMB: Record<string, number | null>;
  profiles: string[];
  pages?: PageFigures;
}

const OURS = 'ours, cache and deduplication off';
const OURS_DEFAULT = 'ours, as configured by default';
const STOCK = "Apollo's stock gateway";
const HIVE = 'Hive Gateway, as configured by default';
const HIVE_OFF = 'Hive Gateway, deduplication off';

const x = (ratio: number) => `${ratio.toFixed(2)} ×`;
const verdict = (met: boolean) => (met ? '**met**' : '**missed**');
const loadRow = (name: string, r: Load) => `| ${name} | ${r.requestsPerSecond} | ${r.p50} | ${r.p97_5} | ${r.p99} | ${r.errors} |`;

/** The one-client row of the dashboard's floor (bench-floor.ts). */
export const FLOOR = "dashboard: our gateway's subgraph calls for it, replayed step by step by a bare Node process (the floor)";

/** The targets of the performance work, each with its figures of this run. */
function targets(r: Results): string[] {
  const rps = (query: 'dashboard' | 'plain', name: string) => r.compared[query][name].requestsPerSecond;
  const ratio = (query: 'dashboard' | 'plain', a: string, b: string) => rps(query, a) / Math.max(rps(query, b), 1);
  const mean = (name: string) => r.oneClient[name].p50;
  const overStats = mean('dashboard through our gateway (cache and deduplication off)') / Math.max(mean('nationalStats straight to the registry'), 0.01);
  const rss = r.peakRssMB['gateway (cache and deduplication off)'] ?? r.peakRssMB.gateway ?? 0;
  const rows: Array<[string, string, boolean]> = [
    ['dashboard, ours (cache and deduplication off) ≥ 3 × stock Apollo', x(ratio('dashboard', OURS, STOCK)), ratio('dashboard', OURS, STOCK) >= 3],
    [
      'dashboard, ours (cache and deduplication off) ≥ 2 × Hive Gateway (its defaults: deduplication on)',
      x(ratio('dashboard', OURS, HIVE)),
      ratio('dashboard', OURS, HIVE) >= 2,
    ],
    [
      'dashboard without scorecards, ours (cache and deduplication off) ≥ Hive Gateway (its defaults)',
      x(ratio('plain', OURS, HIVE)),
      ratio('plain', OURS, HIVE) >= 1,
    ],
    ['dashboard, one client: p50 ≤ 5 × nationalStats straight to the registry', x(overStats), overStats <= 5],
    ['gateway peak RSS ≤ 250 MB', `${rss.toFixed(0)} MB`, rss <= 250],
  ];
  return [
    '| target | this run | |',
    '| --- | --- | --- |',
    ...rows.map(([name, figure, met]) => `| ${name} | ${figure} | ${verdict(met)} |`),
    '',
    ...(r.oneClient[FLOOR]
      ? [
          `One client: the floor of any gateway on this plan of the dashboard (its subgraph calls replayed step by step by a bare`,
          `process, no GraphQL work) is ${x(mean(FLOOR) / Math.max(mean('nationalStats straight to the registry'), 0.01))} nationalStats straight; our gateway adds ` +
            `${(mean('dashboard through our gateway (cache and deduplication off)') - mean(FLOOR)).toFixed(2)} ms (p50) to it.`,
          '',
        ]
      : []),
    'Like for like (both gateways deduplicating identical subgraph calls in flight, or neither):',
    '',
    '| | dashboard | without scorecards |',
    '| --- | --- | --- |',
    `| ours / Hive Gateway, deduplication on | ${x(ratio('dashboard', OURS_DEFAULT, HIVE))} | ${x(ratio('plain', OURS_DEFAULT, HIVE))} |`,
    `| ours / Hive Gateway, deduplication off | ${x(ratio('dashboard', OURS, HIVE_OFF))} | ${x(ratio('plain', OURS, HIVE_OFF))} |`,
    `| ours / stock Apollo (which does not deduplicate) | ${x(ratio('dashboard', OURS, STOCK))} | ${x(ratio('plain', OURS, STOCK))} |`,
  ];
}

/** Writes bench/results.json and docs/benchmarks.md from a run's results (nothing in either is written by hand). */
export function writeReport(r: Results): void {
  const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
  const table = (rows: Record<string, Load>) => [
    '| | req/s | p50 ms | p97.5 ms | p99 ms | errors |',
    '| --- | --- | --- | --- | --- | --- |',
    ...Object.entries(rows).map(([name, load]) => loadRow(name, load)),
  ];
  const ratioTo = (name: string, base: string) => (r.oneClient[name].mean / Math.max(r.oneClient[base].mean, 0.001)).toFixed(2);
  const oneClientRows = Object.entries(r.oneClient).map(([name, load]) => {
    const base = name.startsWith('regions')
      ? 'regions straight to the subgraph'
      : name.startsWith('council')
        ? 'council list page 1 straight to the registry'
        : null;
    return `| ${name} | ${load.mean} | ${load.p50} | ${load.p99} | ${base ? `${ratioTo(name, base)} ×` : ''} |`;
  });
  const markdown = [
    '# Benchmarks',
    '',
    'Written by `npm run bench` from its own results (`bench/results.json`); do not edit by hand. The bench',
    'seeds a stack of its own (`.data/bench-N`, reused by the next run at the same scale), then loads it with',
    '[autocannon](https://github.com/mcollina/autocannon) on loopback. Its peers run in the same run, over the',
    "same committed `supergraph.graphql` and the same subgraphs: Apollo's stock `@apollo/gateway` set up as its",
    "documentation shows (`scripts/src/bench-stock-gateway.ts`) and Hive Gateway with the repository's",
    'configuration (`gateway/engines/hive.config.mjs`). Everything (PostgreSQL, four subgraphs, the gateways,',
    'the load generator) shares the same machine.',
    '',
    `**Last run**: ${r.date.slice(0, 16).replace('T', ' ')} UTC, ${machine}; ${r.registrations.toLocaleString('en')} registrations, ` +
      `${r.connections} connections × ${r.seconds} s per scenario (one client for the latency table); stack up in ${r.startSeconds.toFixed(1)} s ${r.freshSeed ? '(seeded)' : '(data reused)'}.`,
    '',
    '## Targets',
    '',
    ...targets(r),
    '',
    '## The national dashboard, through each gateway (national token)',
    '',
    "The dashboard: every region's registration figures and programmes, the national figures and the 13 scorecards",
    `(\`scorecards(year: 2020)\`). ${r.connections} connections; each gateway in ${r.comparedRounds.rounds} rounds of ${r.comparedRounds.seconds} s, interleaved with the others', averaged.`,
    '',
    ...table(r.compared.dashboard),
    '',
    'The same without the scorecards (regions, their figures and programmes, the national figures):',
    '',
    ...table(r.compared.plain),
    '',
    '## Other scenarios (our gateway as configured by default)',
    '',
    ...table(r.scenarios),
    '',
    `page 500 / page 1 (p50): ${(r.scenarios['council list, page 500 (REGIONAL token)'].p50 / Math.max(r.scenarios['council list, page 1 (REGIONAL token)'].p50, 0.01)).toFixed(2)} ×`,
    '',
    ...hostileSection(r.hostile),
    '## One client at a time (latency)',
    '',
    '| | mean ms | p50 ms | p99 ms | mean / straight to the subgraph |',
    '| --- | --- | --- | --- | --- |',
    ...oneClientRows,
    '',
    '## Other figures',
    '',
    `- SQL statements of one warm dashboard request: ${JSON.stringify(r.sqlStatementsPerDashboard)}.`,
    `- Bulk import: ${r.import.rowsPerSecond.toLocaleString('en')} rows/s (median of ${r.import.runs.map((n) => n.toLocaleString('en')).join(', ')}; 20,000 rows each) into a register of ${r.import.registerSize.toLocaleString('en')} applications.`,
    ...(r.export
      ? [
          `- CSV export of every person (\`/export/people.csv\`, national token): ${r.export.rows.toLocaleString('en')} rows in ${r.export.seconds.toFixed(1)} s (${Math.round(r.export.rows / r.export.seconds).toLocaleString('en')} rows/s); the exporting gateway's resident memory ${r.export.rssBeforeMB?.toFixed(0) ?? '?'} MB before, high-water mark ${r.export.rssPeakMB?.toFixed(0) ?? '?'} MB (it holds one page of 500 at a time).`,
        ]
      : []),
    `- Peak RSS, MB: ${Object.entries(r.peakRssMB)
      .map(([name, mb]) => `${name} ${mb?.toFixed(0) ?? '?'}`)
      .join(', ')}.`,
    ...(r.pages ? pageSummary(r.pages) : []),
    ...(r.profiles.length ? [`- CPU profile of our gateway under one client on the dashboard (\`--profile\`): ${r.profiles.join(', ')}.`] : []),
    '',
  ].join('\n');
  mkdirSync(join(ROOT, 'bench'), { recursive: true });
  writeFileSync(join(ROOT, 'bench', 'results.json'), JSON.stringify(r, null, 2) + '\n');
  writeFileSync(join(ROOT, 'docs', 'benchmarks.md'), markdown);
  process.stdout.write(`\n${markdown}\n`);
}

/** The hostile-callers section: the dashboard's p97.5 under the storm against idle (the goal: within 3 ×), and no small query failing. */
function hostileSection(h: Hostile | undefined): string[] {
  if (!h) return [];
  const ratio = h.underStorm.p97_5 / Math.max(h.idle.p97_5, 0.01);
  return [
    '## Hostile callers (our gateway as configured by default)',
    '',
    `A gateway of ours as configured by default (rate limit and bound on requests in flight on). ${h.clients} anonymous clients (one address) send the heaviest public operation the limits admit (every scorecard with its daily history), each request a text of its own to get past the response cache; meanwhile another caller sends the national dashboard and a third a small query, each 5 a second as a person's page would. Latencies high-resolution (ms).`,
    '',
    '| | req/s | p50 | p97.5 | p99 | errors |',
    '| --- | --- | --- | --- | --- | --- |',
    loadRow('dashboard, idle', h.idle),
    loadRow('dashboard, during the storm', h.underStorm),
    loadRow('small query of a third caller, during the storm', h.small),
    loadRow(`the storm (${h.clients} connections; the 429s of the rate limit and of the bound on requests in flight count as errors)`, h.storm),
    '',
    `dashboard p97.5 during the storm / idle: ${x(ratio)} (goal: within 3 ×, ${verdict(ratio <= 3)}); small queries failed: ${h.small.errors} (${verdict(h.small.errors === 0)})`,
    '',
  ];
}
