import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { url } from './support';

const ROOT = join(__dirname, '..');

export interface ExtraGateway {
  origin: string;
  /** Its JSON log lines so far (LOG_LEVEL decides which; silent by default). */
  lines: Array<Record<string, any>>;
  stop(): Promise<void>;
}

/**
 * A second gateway over the test stack's subgraphs, with some subgraph addresses replaced (a dead
 * port, to see what users get when that subgraph is down) without disturbing the shared stack.
 */
export function startGateway(port: number, env: NodeJS.ProcessEnv): Promise<ExtraGateway> {
  return startEngine([process.execPath, join(ROOT, 'gateway', 'dist', 'main.js')], '/', port, env);
}

/** Hive Gateway over the committed supergraph with the repository's configuration (gateway/engines/hive.config.mjs), on the test stack's subgraphs. */
export function startHiveGateway(port: number, env: NodeJS.ProcessEnv = {}): Promise<ExtraGateway> {
  const command = [join(ROOT, 'node_modules', '.bin', 'hive-gateway'), 'supergraph', join(ROOT, 'supergraph.graphql')];
  return startEngine([...command, '--config-path', join(ROOT, 'gateway', 'engines', 'hive.config.mjs'), '--port', String(port)], '/readiness', port, {
    LOG_LEVEL: 'error',
    ...env,
  });
}

async function startEngine([command, ...args]: string[], ready: string, port: number, env: NodeJS.ProcessEnv): Promise<ExtraGateway> {
  const ports = JSON.parse(process.env.TEST_PORTS ?? '{}');
  const child: ChildProcess = spawn(command, args, {
    env: {
      ...process.env,
      LOG_LEVEL: 'silent',
      GATEWAY_PORT: String(port),
      REGIONS_URL: url('regions'),
      REGISTRY_URL: url('registry'),
      PROGRAMS_URL: url('programs'),
      INDICATORS_URL: url('indicators'),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  const lines: Array<Record<string, any>> = [];
  let partial = '';
  child.stdout!.on('data', (chunk: Buffer) => {
    const complete = (partial + chunk.toString()).split('\n');
    partial = complete.pop()!;
    for (const line of complete) if (line.startsWith('{')) lines.push(JSON.parse(line));
  });
  const origin = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 20_000;
  for (;;) {
    try {
      const response = await fetch(`${origin}${ready}`);
      if (response.ok) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline || child.exitCode !== null) throw new Error(`${command} on ${port} did not start (ports ${JSON.stringify(ports)})`);
    await new Promise((r) => setTimeout(r, 150));
  }
  return {
    origin,
    lines,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
