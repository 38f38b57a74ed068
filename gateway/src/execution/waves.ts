import type { FetchNode, ParallelNode, PlanNode, SequenceNode } from '@apollo/query-planner';
import { OperationTypeNode } from 'graphql';

/**
 * A node of the plan the gateway executes that Apollo's planner does not emit: fetches to one
 * subgraph that go as one request (as Hive Gateway's planner emits batch fetches), each with
 * where it reads its entities, from the root of the answer.
 */
export interface BatchNode {
  kind: 'Batch';
  serviceName: string;
  members: Array<{ path: Array<string | number>; fetch: FetchNode }>;
}

/** A plan as the gateway executes it: Apollo's nodes, and batches among them. */
export type ExecutedNode =
  Exclude<PlanNode, SequenceNode | ParallelNode> | BatchNode | { kind: 'Sequence'; nodes: ExecutedNode[] } | { kind: 'Parallel'; nodes: ExecutedNode[] };

interface Placed {
  fetch: FetchNode;
  path: Array<string | number>;
  wave: number;
  /** Nothing in the plan waits for it: it may run in any later wave. */
  last: boolean;
}

class Unbatchable extends Error {}

/**
 * A query plan as a sequence of waves, each the batches that run together (a wave starts when
 * the one before it is done), when that saves subgraph calls; else the plan as Apollo's planner
 * wrote it. Apollo runs each branch of a plan on its own: the dashboard's
 * regions branch and scorecards branch each call the registry and programs at their second step,
 * and `nationalStats` calls the registry alone: 8 calls, of which 3 only because the branches do
 * not meet. Here each fetch runs in the earliest wave its plan allows (a Sequence's step after
 * the one before it), a fetch nothing waits for joins a later wave that calls its subgraph
 * anyway, and the fetches of one wave to one subgraph go as one request (merge.ts): 5 calls.
 * The order a fetch runs after the fetches it depends on is kept, so every fetch reads the same
 * entities; a wave may wait for a branch it does not depend on, which costs latency only when
 * branches are uneven. Plans with @skip/@include conditions, or of mutations, are left as they are.
 */
export function batched(node: PlanNode | undefined): ExecutedNode | undefined {
  if (!node) return node;
  const placed: Placed[] = [];
  let count: number;
  try {
    count = place(node, [], 0, true, placed);
  } catch (error) {
    if (error instanceof Unbatchable) return node;
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
  const waves: BatchNode[][] = Array.from({ length: count }, () => []);
  for (const { fetch, path, wave } of placed) {
    let batch = waves[wave].find((b) => b.serviceName === fetch.serviceName);
    if (!batch) waves[wave].push((batch = { kind: 'Batch', serviceName: fetch.serviceName, members: [] }));
    batch.members.push({ path, fetch });
  }
  if (!waves.some((wave) => wave.some((batch) => batch.members.length > 1))) return node;
  return { kind: 'Sequence', nodes: waves.filter((wave) => wave.length > 0).map((wave) => ({ kind: 'Parallel', nodes: wave })) };
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
