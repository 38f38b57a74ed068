import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { type ServiceName } from '@moukawil/kit/core';
import { freePort } from '@moukawil/kit/subgraph';
import { BENCH_PROXY_ENTRY, BENCH_REPLAY_ENTRY, GATEWAY_ENTRY, gatewayNodeArgs, ROOT } from './paths';

/** A process the bench measures beside the stack: a gateway (ours, Apollo's stock one, Hive Gateway) or the bare proxy. */
export interface Peer {
  url: string;
  pid: number;
  stop(): Promise<void>;
}

const SUPERGRAPH = join(ROOT, 'supergraph.graphql');
const HIVE = join(ROOT, 'node_modules', '.bin', 'hive-gateway');
const HIVE_CONFIG = join(ROOT, 'gateway', 'engines', 'hive.config.mjs');
const STOCK_ENTRY = join(ROOT, 'scripts', 'dist', 'bench-stock-gateway.js');

/** Where each subgraph listens, for peers that take <NAME>_URL. */
export const subgraphUrls = (ports: Record<ServiceName, number>): NodeJS.ProcessEnv =>
  Object.fromEntries(
    (['regions', 'registry', 'programs', 'indicators'] as const).map((name) => [`${name.toUpperCase()}_URL`, `http://127.0.0.1:${ports[name]}/graphql`]),
  );

async function spawnPeer(command: string, args: (port: number) => string[], env: NodeJS.ProcessEnv): Promise<Peer> {
  const port = await freePort();
  const child = spawn(command, args(port), { env: { ...process.env, ...env, GATEWAY_PORT: String(port) }, stdio: 'ignore' });
  const url = `http://127.0.0.1:${port}/graphql`;
  for (let i = 0; ; i++) {
    const answered = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ __typename }"}' }).then(
      (r) => r.ok,
      () => false,
    );
    if (answered) break;
    if (child.exitCode !== null || i > 300) throw new Error(`${command} ${args(port).join(' ')} did not start`);
    await new Promise((r) => setTimeout(r, 100));
  }
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return { url, pid: child.pid!, stop: () => (child.kill('SIGTERM'), exited) };
}

/** Our gateway, as `npm start` runs it, with `env` on top (e.g. CACHE_TTL_SECONDS=0). */
export const ourGateway = (env: NodeJS.ProcessEnv) => spawnPeer(process.execPath, () => [...gatewayNodeArgs(), GATEWAY_ENTRY], env);

/** Apollo's stock gateway (scripts/src/bench-stock-gateway.ts), Node's defaults. */
export const stockGateway = (env: NodeJS.ProcessEnv) => spawnPeer(process.execPath, (port) => [STOCK_ENTRY, SUPERGRAPH, String(port)], env);

/** Hive Gateway 2 on the same supergraph, with the repository's configuration (gateway/engines/hive.config.mjs). */
export const hiveGateway = (env: NodeJS.ProcessEnv) =>
  spawnPeer(HIVE, (port) => ['supergraph', SUPERGRAPH, '--config-path', HIVE_CONFIG, '--port', String(port)], env);

/** The bare Node proxy in front of one subgraph: the floor of any Node gateway on this machine. */
export const bareProxy = (target: string, recordFile?: string) =>
  spawnPeer(process.execPath, (port) => [BENCH_PROXY_ENTRY, target, String(port), ...(recordFile ? [recordFile] : [])], {});

/** A bare process replaying recorded subgraph calls step by step for each request (bench-replay.ts): the floor of a query plan. */
export const replayer = (stepsFile: string) => spawnPeer(process.execPath, (port) => [BENCH_REPLAY_ENTRY, stepsFile, String(port)], {});

/** An OpenTelemetry collector's address that accepts every span and drops it: what a gateway with traces on exports to. */
export async function otlpSink(): Promise<Peer> {
  const server = createServer((req, res) => req.resume().on('end', () => res.writeHead(200, { 'content-type': 'application/json' }).end('{}')));
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${port}`, pid: process.pid, stop: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
