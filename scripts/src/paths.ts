import { join } from 'node:path';
import type { SubgraphName } from '@moukawil/kit/core';

/** The repository root: scripts/dist/.. /.. */
export const ROOT = join(__dirname, '..', '..');

export const subgraphEntry = (name: SubgraphName) => join(ROOT, 'subgraphs', name, 'dist', 'main.js');
export const GATEWAY_ENTRY = join(ROOT, 'gateway', 'dist', 'main.js');
export const BENCH_PROXY_ENTRY = join(ROOT, 'scripts', 'dist', 'bench-proxy.js');
export const BENCH_REPLAY_ENTRY = join(ROOT, 'scripts', 'dist', 'bench-replay.js');
export const DEFAULT_DATA_DIR = join(ROOT, '.data');

/**
 * Node flags of our gateway: a bounded old space (GATEWAY_HEAP_MB, default 200) makes V8 collect
 * before the process grows past its memory budget (RSS ≤ 250 MB under load); without
 * it the heap grows lazily to 300+ MB for the same live data.
 */
export function gatewayNodeArgs(env: NodeJS.ProcessEnv = process.env): string[] {
  const heap = Number(env.GATEWAY_HEAP_MB ?? 200);
  if (!Number.isInteger(heap) || heap < 64) throw new Error(`GATEWAY_HEAP_MB must be a whole number of megabytes ≥ 64, not "${env.GATEWAY_HEAP_MB}"`);
  return [`--max-old-space-size=${heap}`];
}
