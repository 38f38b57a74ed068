import { LRUCache } from 'lru-cache';

/**
 * Every memo of the gateway and the subgraphs (verified tokens, checked query texts, routes,
 * the public response cache, cached figures) is one of these: at most `max` entries, the least
 * recently used dropped first, each entry living at most `ttlMs` when given (or the `ttl` given
 * to its own `set`).
 */
export function boundedCache<K extends NonNullable<unknown>, V extends NonNullable<unknown>>(max: number, ttlMs?: number): LRUCache<K, V> {
  return new LRUCache<K, V>({ max, ...(ttlMs ? { ttl: ttlMs, ttlAutopurge: false } : { ttlAutopurge: false }) });
}

export type { LRUCache as BoundedCache };
