import type { ServerResponse } from 'node:http';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { envInt, viewerFromHeader, writeJson, type Viewer } from '@moukawil/kit/core';

interface Bucket {
  tokens: number;
  at: number;
}

/** A refusal: 429 with Retry-After and a GraphQL-shaped body. */
export interface Refusal {
  retryAfter: number;
  body: string;
}

/** Counts requests per caller key; null from take() lets the request through. */
export interface RateLimiter {
  take(key: string): Refusal | null;
  /** Requests already counted (by the fast lane) that the Express middleware must not count again. */
  counted: WeakSet<object>;
}

/**
 * A token bucket per caller: the verified token's subject, else the client address (a bad token
 * counts against its address, then gets its 401); behind a load balancer, TRUST_PROXY says which
 * hops' X-Forwarded-For to believe (trustProxy below), else every client would share its address.
 * RATE_LIMIT_PER_MINUTE requests a minute, bursts of RATE_LIMIT_BURST; over that, 429 with
 * Retry-After. Per gateway process (GATEWAY_WORKERS multiplies it). RATE_LIMIT_PER_MINUTE=0 turns it off.
 */
export function rateLimiter(): RateLimiter | null {
  const perMinute = envInt('RATE_LIMIT_PER_MINUTE', 1_200, 0);
  if (perMinute === 0) return null;
  const burst = envInt('RATE_LIMIT_BURST', Math.max(1, Math.ceil(perMinute / 6)), 1);
  const perMs = perMinute / 60_000;
  const buckets = new Map<string, Bucket>();

  // Full buckets carry no information: forget them, so idle callers cost no memory.
  setInterval(() => {
    const now = Date.now();
    for (const [key, bucket] of buckets) if (bucket.tokens + (now - bucket.at) * perMs >= burst) buckets.delete(key);
  }, 60_000).unref();

  return {
    counted: new WeakSet(),
    take(key) {
      const now = Date.now();
      const bucket = buckets.get(key) ?? { tokens: burst, at: now };
      bucket.tokens = Math.min(burst, bucket.tokens + (now - bucket.at) * perMs);
      bucket.at = now;
      buckets.set(key, bucket);
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return null;
      }
      const retryAfter = Math.ceil((1 - bucket.tokens) / perMs / 1000);
      return {
        retryAfter,
        body: JSON.stringify({ errors: [{ message: `Too many requests: at most ${perMinute} a minute (bursts of ${burst}). Retry in ${retryAfter} s.`, extensions: { code: 'RATE_LIMITED', retryAfter } }] }),
      };
    },
  };
}

/** The bucket a request counts against: its verified subject, else its client address. */
export const callerKey = (viewer: Viewer | null, address: string | undefined): string =>
  (viewer?.subject ? `subject:${viewer.subject}` : `address:${address ?? 'unknown'}`);

/** Writes a refusal on any HTTP response (the fast lane's are not Express's). */
export function writeRefusal(res: ServerResponse, refusal: Refusal): void {
  writeJson(res, 429, refusal.body, { 'retry-after': String(refusal.retryAfter) });
}

/** The limiter as Express middleware, for every request the fast lane did not count. */
export function rateLimit(limiter: RateLimiter): RequestHandler {
  return async (req: Request, res: Response, next: NextFunction) => {
    if (limiter.counted.has(req)) return next();
    let viewer: Viewer | null = null;
    if (req.headers.authorization) {
      try {
        viewer = await viewerFromHeader(req.headers.authorization);
        res.locals.viewer = viewer; // verified once: the GraphQL context reuses it
      } catch {
        /* refused later with UNAUTHENTICATED; meanwhile it counts against its address */
      }
    }
    const refusal = limiter.take(callerKey(viewer, req.ip ?? req.socket.remoteAddress)); // the client's, through trusted proxies (TRUST_PROXY)
    if (refusal) writeRefusal(res, refusal);
    else next();
  };
}

/**
 * TRUST_PROXY, as Express's "trust proxy": a number of hops in front of the gateway, or a comma
 * list of addresses, subnets or names (`loopback`, `10.0.0.0/8`). Unset: X-Forwarded-For is ignored,
 * since any client can write it.
 */
export function trustProxy(value: string | undefined): number | string | false {
  if (!value) return false;
  return /^\d+$/.test(value) ? Number(value) : value;
}
