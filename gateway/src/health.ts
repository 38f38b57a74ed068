import { SUBGRAPHS, subgraphUrl, type SubgraphName } from '@moukawil/kit/core';

export type SubgraphHealth = Record<SubgraphName, 'up' | 'down'>;

/** Asks every subgraph's /health at once, each with a short timeout. */
export async function subgraphHealth(timeoutMs = 2_000): Promise<SubgraphHealth> {
  const entries = await Promise.all(
    SUBGRAPHS.map(async (name) => {
      const url = subgraphUrl(name).replace(/\/graphql$/, '/health');
      try {
        const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
        return [name, response.ok ? 'up' : 'down'] as const;
      } catch {
        return [name, 'down'] as const;
      }
    }),
  );
  return Object.fromEntries(entries) as SubgraphHealth;
}
