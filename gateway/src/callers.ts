import { createHash } from 'node:crypto';
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import { GraphQLError } from 'graphql';
import { log, rateLimited, unauthenticated, viewerFromHeader, type Viewer } from '@moukawil/kit/core';
import type { Concurrency } from './concurrency';
import type { SubgraphLink } from './subgraph-link';
import type { Refusal } from './graphql-http';
import { callerKey, type RateLimit } from './rate-limit';

/** What a partner key opens (the regions subgraph's ApiScope). */
export type Scope = 'GRAPHQL' | 'EXPORTS';

/** A verified caller: who (the viewer the subgraphs are told of) and, for a partner key, its own rate. */
export interface Caller {
  viewer: Viewer;
  ratePerMinute: number | null;
}

/** Finds who is calling from the request's headers, for one entry of the gateway; throws UNAUTHENTICATED or FORBIDDEN. */
export type Identify = (headers: IncomingHttpHeaders, scope: Scope) => Promise<Caller>;

const KEY_CHECK = 'query KeyCheck($hash: String!) { _apiKey(hash: $hash) { id scopes ratePerMinute } }';
const KEY = /^mkp_[A-Za-z0-9_-]{43}$/;

/**
 * Two kinds of callers: a bearer token (verified here and again by each subgraph), or a partner
 * API key (`Authorization: ApiKey mkp_…`, or `X-Api-Key`) that the national office issued in the
 * regions subgraph. A key is checked by its SHA-256 against the regions subgraph on every request,
 * with no cache, so that a revoked key opens nothing from the next request on; it reads what the
 * PARTNER role reads (public aggregates: the subgraphs are sent no token for it), is known to the
 * logs and the rate limit as `apikey:<id>`, and opens only the scopes it was issued for.
 */
export function callers(regions: SubgraphLink): Identify {
  async function byKey(key: string, scope: Scope): Promise<Caller> {
    if (!KEY.test(key)) throw unauthenticated('Authentication failed: the API key is not valid');
    const hash = createHash('sha256').update(key).digest('hex');
    let found: { id: string; scopes: Scope[]; ratePerMinute: number | null } | null;
    try {
      const answer = await regions.send(undefined, JSON.stringify({ query: KEY_CHECK, variables: { hash } }));
      const body = JSON.parse(answer.body.toString('utf8')) as { data?: { _apiKey: typeof found } };
      if (!body.data) throw new Error(`HTTP ${answer.status}`);
      found = body.data._apiKey;
    } catch (error) {
      log.warn({ err: error }, 'API key check failed');
      throw new GraphQLError('API keys cannot be checked: the regions subgraph is unavailable. Retry shortly.', {
        extensions: { code: 'SERVICE_UNAVAILABLE', http: { status: 503 } },
      });
    }
    if (!found) throw unauthenticated('Authentication failed: the API key is not valid or has been revoked');
    if (!found.scopes.includes(scope))
      throw new GraphQLError(`This API key does not open ${scope === 'GRAPHQL' ? 'GraphQL queries (/graphql)' : 'CSV exports (/export)'}.`, {
        extensions: { code: 'FORBIDDEN', http: { status: 403 } },
      });
    const viewer: Viewer = Object.freeze({ subject: `apikey:${found.id}`, role: 'PARTNER', region: null, token: null });
    return { viewer, ratePerMinute: found.ratePerMinute };
  }

  return async (headers, scope) => {
    const authorization = headers.authorization?.trim();
    const apiKey = /^ApiKey\s+(\S+)$/i.exec(authorization ?? '')?.[1] ?? (typeof headers['x-api-key'] === 'string' ? headers['x-api-key'].trim() : undefined);
    if (apiKey !== undefined) return byKey(apiKey, scope);
    return { viewer: await viewerFromHeader(authorization), ratePerMinute: null };
  };
}

/** Who a request comes from, or why it goes no further: 401/403/503 for its identity, 429 for its rate (with the seconds to wait). */
export type Admitted = { viewer: Viewer; refusal: null } | { viewer: null; refusal: Refusal & { retryAfter?: number } };
export type Admit = (req: IncomingMessage, res: ServerResponse, scope: Scope) => Promise<Admitted>;

/**
 * The first step of every entry of the gateway (/graphql, /export): the caller identified, then
 * counted against its rate (its own, for a partner key) and its requests in flight, until `res`
 * is sent or closed. A bad token or key still counts, against the client's address, before its
 * refusal: failed guesses are rate-limited too.
 */
export function admission(
  identify: Identify,
  limit: RateLimit | null,
  concurrency: Concurrency | null,
  clientAddress: (req: IncomingMessage) => string | undefined,
): Admit {
  return async (req, res, scope) => {
    let caller: Caller | null = null;
    let refused: Refusal | null = null;
    try {
      caller = await identify(req.headers, scope);
    } catch (error) {
      refused = refusalOf(error);
    }
    const key = callerKey(caller?.viewer ?? null, clientAddress(req));
    const limited = limit && (await limit(key, caller?.ratePerMinute));
    const entry = concurrency?.(key, !caller?.viewer?.subject);
    if (entry && 'release' in entry) res.once('close', entry.release);
    const refusal = limited || (entry && !('release' in entry) ? entry : null);
    if (refusal) {
      rateLimited.inc({ entry: scope === 'GRAPHQL' ? 'graphql' : 'export' });
      if (entry && 'release' in entry) entry.release();
      return { viewer: null, refusal };
    }
    return caller ? { viewer: caller.viewer, refusal: null } : { viewer: null, refusal: refused! };
  };
}

/** The HTTP status and code of a refused identification. */
function refusalOf(error: unknown): Refusal {
  const e = error as GraphQLError;
  const code = typeof e.extensions?.code === 'string' ? e.extensions.code : 'UNAUTHENTICATED';
  const http = e.extensions?.http as { status?: number } | undefined;
  return { status: http?.status ?? 401, code, message: e.message ?? 'Authentication failed' };
}
