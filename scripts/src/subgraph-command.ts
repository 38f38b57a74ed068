import { spawn } from 'node:child_process';
import type { SubgraphName } from '@moukawil/kit/core';
import { subgraphEntry } from './paths';

/** Runs a command of a subgraph's process (seed, import…) against the given server; rejects on failure. */
export function runSubgraphCommand(name: SubgraphName, args: string[], databaseUrl: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [subgraphEntry(name), ...args], {
      env: { ...process.env, DATABASE_URL: databaseUrl, SERVICE_NAME: name },
      stdio: 'inherit',
    });
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${name} ${args[0]} failed (exit ${code})`))));
  });
}
