import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '..');

export interface ExtraSubgraph {
  port: number;
  child: ChildProcess;
  /** Its JSON log lines so far (LOG_LEVEL decides which; silent by default). */
  lines: Array<Record<string, any>>;
}

/**
 * A subgraph process of a suite's own, on `port`, by default over the shared test databases:
 * for suites that read its logs or kill it, which the shared stack must not see.
 */
export async function startSubgraph(
  name: 'regions' | 'registry' | 'programs' | 'indicators',
  port: number,
  env: NodeJS.ProcessEnv = {},
): Promise<ExtraSubgraph> {
  const child = spawn(process.execPath, [join(ROOT, 'subgraphs', name, 'dist', 'main.js')], {
    env: {
      ...process.env,
      DATABASE_URL: process.env.TEST_DATABASE_URL,
      DATABASE_PREFIX: 'test_',
      LOG_LEVEL: 'silent',
      [`${name.toUpperCase()}_PORT`]: String(port),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  const service: ExtraSubgraph = { port, child, lines: [] };
  let partial = '';
  child.stdout!.on('data', (chunk: Buffer) => {
    const complete = (partial + chunk.toString()).split('\n');
    partial = complete.pop()!;
    for (const line of complete) if (line.startsWith('{')) service.lines.push(JSON.parse(line));
  });
  for (let i = 0; i < 300; i++) {
    // Ready once its change feed listens too: until then its cached figures cost a statement each.
    const health = (await fetch(`http://127.0.0.1:${port}/health`).then(
      (r) => (r.ok ? r.json() : null),
      () => null,
    )) as { changes?: string } | null;
    if (health?.changes === 'listening') return service;
    if (child.exitCode !== null) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`the ${name} subgraph did not start on port ${port}`);
}

/** Resolves with the process's exit code once it has exited. */
export const exited = (child: ChildProcess) =>
  new Promise<number | null>((resolve) => (child.exitCode !== null ? resolve(child.exitCode) : child.once('exit', (code) => resolve(code))));
