import { createHash } from 'node:crypto';
import type { ApolloServerPlugin, GraphQLResponse } from '@apollo/server';
import { envInt, log, type Viewer } from '@moukawil/kit/core';
import type { GatewayContext } from './auth';

let ttl: number | undefined;
const cacheTtlMs = () => (ttl ??= envInt('CACHE_TTL_SECONDS', 5, 0, 3600) * 1000);

/** Whether the response cache may serve this caller: only those who can never receive personal data. */
export const servedByCache = (viewer: Viewer | undefined): boolean => {
  const role = viewer?.role ?? null;
  return cacheTtlMs() > 0 && (role === null || role === 'PARTNER');
};

/**
 * Response cache for the public surface. Only callers who can never receive personal data
 * (anonymous and PARTNER) are served from it, all sharing the "public" scope, so nothing
 * personal is ever cached across users. Entries live CACHE_TTL_SECONDS (default 5; 0 turns the
 * cache off); any mutation through this gateway empties it, and writes made elsewhere (bulk
 * import, seed) are at most one TTL old.
 */
export function responseCache(): ApolloServerPlugin<GatewayContext> {
  const ttlMs = cacheTtlMs();
  const maxEntries = envInt('CACHE_MAX_ENTRIES', 1000, 1);
  const entries = new Map<string, { expires: number; response: GraphQLResponse }>();
  return {
    async requestDidStart({ request, contextValue }) {
      const cacheable = servedByCache(contextValue.viewer) && !contextValue.sqlStatements;
      // Hashed only for callers whose answers may be cached (the others pay nothing for the cache).
      const key = cacheable ? createHash('sha1').update(JSON.stringify([request.query, request.operationName, request.variables])).digest('hex') : '';
      let hit = false;
      return {
        async didResolveOperation({ operation }) {
          if (operation?.operation === 'mutation' && entries.size > 0) {
            entries.clear();
            log.debug('response cache emptied by a mutation');
          }
        },
        async responseForOperation({ operation }) {
          if (!cacheable || operation?.operation !== 'query') return null; // no operation: an unknown operationName
          const entry = entries.get(key);
          if (!entry || entry.expires < Date.now()) return null;
          hit = true;
          return entry.response;
        },
        async willSendResponse({ response, operation }) {
          if (!cacheable) return;
          response.http.headers.set('x-moukawil-cache', hit ? 'HIT' : 'MISS');
          if (hit || operation?.operation !== 'query' || response.body.kind !== 'single' || response.body.singleResult.errors) return;
          if (entries.size >= maxEntries) entries.delete(entries.keys().next().value!);
          entries.set(key, { expires: Date.now() + ttlMs, response: { http: response.http, body: response.body } });
        },
      };
    },
  };
}
