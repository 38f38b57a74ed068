import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import type { Express, Request } from 'express';
import { getVariableValues } from 'graphql';
import { BODY_NOT_JSON, log, requestIdOf, TRACE_HEADER, viewerFromHeader, writeJson, type Viewer } from '@moukawil/kit/core';
import { callerKey, writeRefusal, type RateLimiter } from './rate-limit';
import type { LearnedRoutes } from './single-subgraph';

export interface FastLaneOptions {
  routes: LearnedRoutes;
  /** Callers the response cache serves stay on Apollo's path, where the cache is. */
  servedByCache(viewer: Viewer): boolean;
  limiter: RateLimiter | null;
  maxBodyBytes: number;
}

/** Apollo Server writes `errors` first: an answer that starts so has none. */
const CLEAN = Buffer.from('{"data":');
const JSON_UTF8 = /^application\/json\s*(;\s*charset="?utf-8"?\s*)?$/i;

interface Body {
  query?: unknown;
  operationName?: unknown;
  variables?: unknown;
  extensions?: unknown;
}

/**
 * The gateway's HTTP entry: a fast lane in front of Express and Apollo Server. A query text the
 * gateway has already seen pass every check of Apollo Server's (parsing, validation rules, limits)
 * and go whole to one subgraph (single-subgraph.ts) is sent to that subgraph from here, and its
 * clean answer (HTTP 200, `{"data":…}`) is passed on byte for byte. Each request still gets its
 * own checks: its token, its variables against the supergraph's types, the rate limit. Everything
 * else — other paths and methods, bodies over the limit or not plain JSON, unknown texts, errors in
 * the answer, a failed call, callers the response cache serves, SQL tracing — goes on to Express
 * and Apollo Server as if the lane were not there (a body already read is handed over parsed).
 * Express, its body parser and Apollo Server's request pipeline were most of what the gateway
 * added above a bare proxy's cost (README, "Benchmarks"). Subgraphs add `extensions` to an
 * answer only when asked (SQL tracing, never sent from here), so a clean answer is the whole answer.
 */
export function withFastLane(app: Express, options: FastLaneOptions): RequestListener {
  const { routes, servedByCache, limiter, maxBodyBytes } = options;

  /** Counts the request once (Express's limiter then lets it by); true when it was refused with 429. */
  function overLimit(req: IncomingMessage, res: ServerResponse, viewer: Viewer | null): boolean {
    if (!limiter) return false;
    limiter.counted.add(req);
    Object.setPrototypeOf(req, app.request); // as Express does first: its `ip` honours TRUST_PROXY
    const refusal = limiter.take(callerKey(viewer, (req as Request).ip ?? req.socket.remoteAddress));
    if (!refusal) return false;
    res.setHeader('x-request-id', requestIdOf(req.headers['x-request-id']));
    writeRefusal(res, refusal);
    return true;
  }

  async function serve(req: IncomingMessage, res: ServerResponse, raw: Buffer): Promise<void> {
    let body: Body | null;
    try {
      const text = raw.toString('utf8');
      body = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text) as Body | null; // a BOM, as Express's parser allows
    } catch {
      body = null;
    }
    if (!body || typeof body !== 'object') {
      // As Express's strict JSON parser refuses it, counted by the rate limit as Express counts it.
      const viewer = await viewerFromHeader(req.headers.authorization).catch(() => null);
      if (!overLimit(req, res, viewer)) refuse(res, req, BODY_NOT_JSON);
      return;
    }
    const handOver = () => {
      (req as Request).body = body; // Express's body parser leaves a body already read alone
      app(req, res);
    };
    const { query, variables = {} } = body;
    const operationName = typeof body.operationName === 'string' ? body.operationName : body.operationName == null ? null : undefined;
    if (Array.isArray(body) || typeof query !== 'string' || body.extensions !== undefined || operationName === undefined || !variables || typeof variables !== 'object' || Array.isArray(variables)) return handOver();
    const route = routes.get(query, operationName);
    if (!route) return handOver();
    let viewer: Viewer;
    try {
      viewer = await viewerFromHeader(req.headers.authorization);
    } catch {
      return handOver(); // Apollo's path answers 401
    }
    if (servedByCache(viewer)) return handOver();
    if (route.variableDefinitions.length > 0 && getVariableValues(route.schema, route.variableDefinitions, variables as Record<string, unknown>).errors) return handOver();
    const requestId = requestIdOf(req.headers['x-request-id']);
    req.headers['x-request-id'] = requestId; // kept if the request is handed over after all
    if (overLimit(req, res, viewer)) return;
    let answer;
    try {
      answer = await route.dataSource.forward({ viewer, requestId }, JSON.stringify({ query, variables: body.variables, operationName }));
    } catch {
      return handOver(); // a query: safe to ask again, and Apollo's path shapes the failure
    }
    if (answer.status !== 200 || !answer.body.subarray(0, CLEAN.length).equals(CLEAN)) return handOver();
    writeJson(res, 200, answer.body, { 'x-request-id': requestId, 'cache-control': 'no-store', 'x-moukawil-route': route.subgraph });
  }

  return (req, res) => {
    const length = Number(req.headers['content-length']);
    if (req.method !== 'POST' || req.url !== '/graphql' || !(length > 0 && length <= maxBodyBytes) || !JSON_UTF8.test(req.headers['content-type'] ?? '') || req.headers[TRACE_HEADER] !== undefined) {
      app(req, res);
      return;
    }
    const chunks: Buffer[] = [];
    req.on('error', () => undefined); // a client gone mid-body: nothing to answer, nothing to crash
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      serve(req, res, chunks.length === 1 ? chunks[0] : Buffer.concat(chunks)).catch((error: unknown) => {
        // Not expected (every step above hands over or answers); never leave the client hanging.
        log.error({ err: error }, 'fast lane failed');
        if (!res.headersSent) refuse(res, req, { status: 500, code: 'INTERNAL_SERVER_ERROR', message: 'Internal error' });
      });
    });
  };
}

function refuse(res: ServerResponse, req: IncomingMessage, refusal: { status: number; code: string; message: string }): void {
  writeJson(res, refusal.status, JSON.stringify({ errors: [{ message: refusal.message, extensions: { code: refusal.code } }] }), { 'x-request-id': requestIdOf(req.headers['x-request-id']) });
}
