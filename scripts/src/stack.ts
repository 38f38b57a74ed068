import { spawn, type ChildProcess } from 'node:child_process';
import { SUBGRAPHS, log, type ServiceName } from '@moukawil/kit/core';
import { GATEWAY_ENTRY, gatewayNodeArgs, subgraphEntry } from './paths';

export interface StackOptions {
  /** Environment of every child (DATABASE_URL, ports, JWT_SECRET…), on top of this process's. */
  env: NodeJS.ProcessEnv;
  /** Ports of the services (defaults from the contract). */
  ports: Record<ServiceName, number>;
  /** Restart a service that dies while the stack runs. */
  restart?: boolean;
  /** Where children's output goes. */
  stdio?: 'inherit' | 'ignore';
  /** How long a service may take to answer /health (first start seeds the demo data). */
  readyTimeoutMs?: number;
}

export interface RunningStack {
  stop(): Promise<void>;
  /** Process ids of the running services (for measurements). */
  pids(): Record<string, number>;
}

const PORT_ENV: Record<ServiceName, string> = {
  gateway: 'GATEWAY_PORT',
  regions: 'REGIONS_PORT',
  registry: 'REGISTRY_PORT',
  programs: 'PROGRAMS_PORT',
  indicators: 'INDICATORS_PORT',
};

/** The environment that tells every service where the others listen. */
export function portsEnv(ports: Record<ServiceName, number>): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(ports).map(([name, port]) => [PORT_ENV[name as ServiceName], String(port)]));
}

async function waitHealthy(name: ServiceName, port: number, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null)
      throw new Error(`${name} exited before it was ready (code ${child.exitCode ?? child.signalCode})`);
    try {
      const response = await fetch(`http://127.0.0.1:${port}/health`, { signal: AbortSignal.timeout(1_000) });
      if (response.ok) return;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${name} did not become healthy within ${timeoutMs / 1000} s`);
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

/**
 * Starts the four subgraphs (in parallel), then the gateway once they answer; stops them in
 * the reverse order. A service that dies is restarted (at most 5 times a minute).
 */
export async function startStack(options: StackOptions): Promise<RunningStack> {
  const env = { ...process.env, ...options.env, ...portsEnv(options.ports) };
  const children = new Map<ServiceName, ChildProcess>();
  const restarts = new Map<ServiceName, number[]>();
  let stopping = false;

  const launch = (name: ServiceName): ChildProcess => {
    const args = name === 'gateway' ? [...gatewayNodeArgs(env), GATEWAY_ENTRY] : [subgraphEntry(name)];
    const child = spawn(process.execPath, args, {
      env: { ...env, SERVICE_NAME: name },
      stdio: ['ignore', options.stdio ?? 'inherit', options.stdio ?? 'inherit'],
    });
    children.set(name, child);
    child.once('exit', (code, signal) => {
      if (stopping) return;
      const recent = (restarts.get(name) ?? []).filter((t) => Date.now() - t < 60_000);
      if (!options.restart || recent.length >= 5) {
        log.error({ service: name, code, signal }, 'service exited');
        return;
      }
      restarts.set(name, [...recent, Date.now()]);
      log.warn({ service: name, code, signal }, 'service exited: restarting it');
      setTimeout(() => !stopping && launch(name), 1_000);
    });
    return child;
  };

  const stop = async () => {
    stopping = true;
    for (const group of [['gateway'], SUBGRAPHS] as ServiceName[][]) {
      await Promise.all(
        group.map(async (name) => {
          const child = children.get(name);
          if (!child) return;
          child.kill('SIGTERM');
          const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
          await exited(child);
          clearTimeout(timer);
        }),
      );
    }
  };

  const timeout = options.readyTimeoutMs ?? 180_000;
  try {
    await Promise.all(SUBGRAPHS.map((name) => waitHealthy(name, options.ports[name], launch(name), timeout)));
    await waitHealthy('gateway', options.ports.gateway, launch('gateway'), timeout);
  } catch (error) {
    await stop();
    throw error;
  }
  const pids = () => Object.fromEntries([...children.entries()].map(([name, child]) => [name, child.pid ?? 0]));
  return { stop, pids };
}
