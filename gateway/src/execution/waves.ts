import type { FetchNode, PlanNode } from '@apollo/query-planner';
import { OperationTypeNode } from 'graphql';

/** The fetches of a plan that go to one subgraph as one request: each with where it reads its entities. */
export interface Batch {
  serviceName: string;
  members: Array<{ path: Array<string | number>; fetch: FetchNode }>;
}

/** Batches that run together; a wave starts when the one before it is done. */
export type Wave = Batch[];

interface Placed {
  fetch: FetchNode;
  path: Array<string | number>;
  wave: number;
  /** Nothing in the plan waits for it: it may run in any later wave. */
  last: boolean;
}

class Unbatchable extends Error {}

/**
 * A query plan as waves of batches, when that saves subgraph calls; else null (the plan runs as
 * Apollo's planner wrote it). Apollo runs each branch of a plan on its own: the dashboard's
 * regions branch and scorecards branch each call the registry and programs at their second step,
 * and `nationalStats` calls the registry alone: 8 calls, of which 3 only because the branches do
 * not meet. Here each fetch runs in the earliest wave its plan allows (a Sequence's step after
 * the one before it), a fetch nothing waits for joins a later wave that calls its subgraph
 * anyway, and the fetches of one wave to one subgraph go as one request (merge.ts): 5 calls.
 * The order a fetch runs after the fetches it depends on is kept, so every fetch reads the same
 * entities; a wave may wait for a branch it does not depend on, which costs latency only when
 * branches are uneven. Plans with @skip/@include conditions, or of mutations, are left as they are.
 */
export function batchWaves(node: PlanNode | undefined): Wave[] | null {
  if (!node) return null;
  const placed: Placed[] = [];
  let count: number;
  try {
    count = place(node, [], 0, true, placed);
  } catch (error) {
    if (error instanceof Unbatchable) return null;
    throw error;
  }
  const calls = (service: string, wave: number, except: Placed) => placed.some((p) => p !== except && p.wave === wave && p.fetch.serviceName === service);
  for (const fetch of placed) {
    if (!fetch.last || calls(fetch.fetch.serviceName, fetch.wave, fetch)) continue;
    for (let wave = fetch.wave + 1; wave < count; wave++) {
      if (calls(fetch.fetch.serviceName, wave, fetch)) {
        fetch.wave = wave;
        break;
      }
    }
  }
  const waves: Wave[] = Array.from({ length: count }, () => []);
  for (const { fetch, path, wave } of placed) {
    let batch = waves[wave].find((b) => b.serviceName === fetch.serviceName);
    if (!batch) waves[wave].push((batch = { serviceName: fetch.serviceName, members: [] }));
    batch.members.push({ path, fetch });
  }
  const merged = waves.some((wave) => wave.some((batch) => batch.members.length > 1));
  return merged ? waves.filter((wave) => wave.length > 0) : null;
}

/** Places the fetches of `node` from wave `start` on; answers the wave after its last one. */
function place(node: PlanNode, path: Array<string | number>, start: number, last: boolean, placed: Placed[]): number {
  switch (node.kind) {
    case 'Fetch':
      if (node.operationKind !== OperationTypeNode.QUERY) throw new Unbatchable();
      placed.push({ fetch: node, path, wave: start, last });
      return start + 1;
    case 'Flatten':
      if (node.node.kind !== 'Fetch') throw new Unbatchable();
      return place(node.node, [...path, ...node.path], start, last, placed);
    case 'Sequence': {
      let wave = start;
      node.nodes.forEach((child, i) => (wave = place(child, path, wave, last && i === node.nodes.length - 1, placed)));
      return wave;
    }
    case 'Parallel':
      return node.nodes.reduce((end, child) => Math.max(end, place(child, path, start, last, placed)), start);
    default:
      throw new Unbatchable();
  }
}
