import { createHash } from 'node:crypto';
import { boundedCache, envInt, type Viewer } from '@moukawil/kit/core';
import type { GraphQLHttpRequest } from './graphql-http';

/** An answer as it was written: its status and body. */
export interface CachedAnswer {
  status: number;
  body: string | Buffer;
}

export interface ResponseCache {
  /** The key of a request whose answer may be kept, or null. */
  keyOf(request: GraphQLHttpRequest, viewer: Viewer): string | null;
  get(key: string): CachedAnswer | undefined;
  set(key: string, answer: CachedAnswer): void;
  /** Forgets everything: a mutation went through this gateway. */
  clear(): void;
}

/** Only callers who can never receive personal data share cached answers. */
const servedByCache = (viewer: Viewer) => viewer.role === null || viewer.role === 'PARTNER';

/**
 * Response cache for the public surface. Only callers who can never receive personal data
 * (anonymous and PARTNER) are served from it, all sharing the "public" scope, so nothing
 * personal is ever cached across users. Entries live CACHE_TTL_SECONDS (default 5; 0 turns the
 * cache off), at most CACHE_MAX_ENTRIES of them; any mutation through this gateway empties it, and
 * writes made elsewhere (bulk import, seed, another gateway) are at most one TTL old.
 */
export function responseCache(): ResponseCache | null {
  const ttlMs = envInt('CACHE_TTL_SECONDS', 5, 0, 3600) * 1000;
  if (ttlMs === 0) return null;
  const entries = boundedCache<string, CachedAnswer>(envInt('CACHE_MAX_ENTRIES', 1000, 1), ttlMs);
  return {
    // Hashed only for callers whose answers may be kept (the others pay nothing for the cache).
    keyOf: (request, viewer) =>
      servedByCache(viewer)
        ? createHash('sha1')
            .update(JSON.stringify([request.query, request.operationName, request.variables]))
            .digest('hex')
        : null,
    get: (key) => entries.get(key),
    set: (key, answer) => void entries.set(key, answer),
    clear: () => entries.clear(),
  };
}
