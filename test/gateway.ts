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
export async function startGateway(port: number, env: NodeJS.ProcessEnv): Promise<ExtraGateway> {
  const ports = JSON.parse(process.env.TEST_PORTS ?? '{}');
  const child: ChildProcess = spawn(process.execPath, [join(ROOT, 'gateway', 'dist', 'main.js')], {
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
      const response = await fetch(`${origin}/`);
      if (response.ok) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline || child.exitCode !== null) throw new Error(`extra gateway on ${port} did not start (ports ${JSON.stringify(ports)})`);
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
