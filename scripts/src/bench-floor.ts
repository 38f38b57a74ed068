import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SubgraphName } from '@moukawil/kit/core';
import { gql, type Request } from './bench-load';
import { bareProxy, ourGateway, replayer, type Peer } from './bench-peers';

const SUBGRAPHS: SubgraphName[] = ['regions', 'registry', 'programs', 'indicators'];

interface Recorded {
  start: number;
  end: number;
  body: string;
  url: string;
}

/**
 * The floor of a query for one client: the subgraph calls our gateway makes for it, recorded
 * through proxies, then replayed step by step by a bare process (bench-replay.ts). What the
 * gateway adds to that floor is its own cost; the floor itself is the plan's (its steps one after
 * the other, each a loopback hop and a subgraph's work on this machine).
 */
export async function queryFloor(env: NodeJS.ProcessEnv, subgraphs: Record<SubgraphName, string>, query: Request, dir: string): Promise<Peer> {
  const files = Object.fromEntries(SUBGRAPHS.map((name) => [name, join(dir, `floor-${name}.jsonl`)])) as Record<SubgraphName, string>;
  Object.values(files).forEach((file) => rmSync(file, { force: true }));
  const proxies = await Promise.all(SUBGRAPHS.map((name) => bareProxy(subgraphs[name], files[name])));
  const urls = Object.fromEntries(SUBGRAPHS.map((name, i) => [`${name.toUpperCase()}_URL`, proxies[i].url]));
  const gateway = await ourGateway({ ...env, ...urls, CACHE_TTL_SECONDS: '0', GATEWAY_DEDUPLICATE: 'false' });
  let from = 0;
  try {
    // The last of three: the first ones settle what the gateway keeps per text (plans, merged fetches).
    for (let i = 0; i < 3; i++) {
      from = performance.timeOrigin + performance.now();
      await gql(gateway.url, query);
    }
  } finally {
    await Promise.all([gateway, ...proxies].map((peer) => peer.stop()));
  }
  const calls: Recorded[] = SUBGRAPHS.flatMap((name) =>
    existsSync(files[name])
      ? readFileSync(files[name], 'utf8')
          .split('\n')
          .filter(Boolean)
          .map((line) => ({ ...(JSON.parse(line) as Omit<Recorded, 'url'>), url: subgraphs[name] }))
      : [],
  );
  // Steps: a call that starts after every call of the current step has been answered opens the next.
  const steps: Recorded[][] = [];
  for (const call of calls.filter((c) => c.start >= from).sort((a, b) => a.start - b.start)) {
    const current = steps[steps.length - 1];
    if (current && call.start < Math.max(...current.map((c) => c.end))) current.push(call);
    else steps.push([call]);
  }
  const stepsFile = join(dir, 'floor-steps.json');
  writeFileSync(stepsFile, JSON.stringify(steps.map((step) => step.map(({ url, body }) => ({ url, body })))));
  return replayer(stepsFile);
}
