import { envInt } from '@moukawil/kit/core';
import type { Refusal } from './graphql-http';

/** Lets one more request of a caller in (the release to call when its answer is sent), or refuses it. */
export type Concurrency = (key: string, anonymous: boolean) => { release: () => void } | (Refusal & { retryAfter: number });

/**
 * Requests in flight per caller: a rate limit counts requests a minute, this bounds how many one
 * caller has running at once, so that no caller holds the subgraphs for everyone by sending its
 * most expensive admitted operation many times over. GATEWAY_CONCURRENT_PER_CALLER (default 16)
 * per verified subject or partner key; GATEWAY_CONCURRENT_ANONYMOUS (default 8) per client address
 * for callers without one. 0 turns the bound off. Per gateway process.
 */
export function concurrencyLimit(): Concurrency | null {
  const perCaller = envInt('GATEWAY_CONCURRENT_PER_CALLER', 16, 0, 10_000);
  const perAddress = envInt('GATEWAY_CONCURRENT_ANONYMOUS', 8, 0, 10_000);
  if (perCaller === 0 && perAddress === 0) return null;
  const running = new Map<string, number>();
  return (key, anonymous) => {
    const limit = anonymous ? perAddress : perCaller;
    const now = running.get(key) ?? 0;
    if (limit > 0 && now >= limit) {
      return {
        status: 429,
        code: 'RATE_LIMITED',
        message: `Too many requests at once: at most ${limit} in flight ${anonymous ? 'from one address without a token' : 'per caller'}. Retry when one has answered.`,
        retryAfter: 1,
      };
    }
    running.set(key, now + 1);
    let released = false;
    return {
      release: () => {
        if (released) return;
        released = true;
        const left = (running.get(key) ?? 1) - 1;
        if (left > 0) running.set(key, left);
        else running.delete(key);
      },
    };
  };
}
