import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { envInt, viewerFromHeader } from '@moukawil/kit';

interface Bucket {
  tokens: number;
  at: number;
}

/**
 * A token bucket per caller: the verified token's subject, else the client address (a bad token
 * counts against its address, then gets its 401); behind a load balancer, TRUST_PROXY says which
 * hops' X-Forwarded-For to believe (trustProxy below), else every client would share its address.
 * RATE_LIMIT_PER_MINUTE requests a minute, bursts of RATE_LIMIT_BURST; over that, 429 with
 * Retry-After. Per gateway process (GATEWAY_WORKERS multiplies it). RATE_LIMIT_PER_MINUTE=0 turns it off.
 */
export function rateLimit(): RequestHandler | null {
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

  async function callerOf(req: Request, res: Response): Promise<string> {
    if (req.headers.authorization) {
      try {
        const viewer = await viewerFromHeader(req.headers.authorization);
        res.locals.viewer = viewer; // verified once: the GraphQL context reuses it
        if (viewer.subject) return `subject:${viewer.subject}`;
      } catch {
        /* refused later with UNAUTHENTICATED; meanwhile it counts against its address */
      }
    }
    return `address:${req.ip ?? req.socket.remoteAddress ?? 'unknown'}`; // the client's, through trusted proxies (TRUST_PROXY)
  }

  return async (req: Request, res: Response, next: NextFunction) => {
    const key = await callerOf(req, res);
    const now = Date.now();
    const bucket = buckets.get(key) ?? { tokens: burst, at: now };
    bucket.tokens = Math.min(burst, bucket.tokens + (now - bucket.at) * perMs);
    bucket.at = now;
    buckets.set(key, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return next();
    }
    const retryAfter = Math.ceil((1 - bucket.tokens) / perMs / 1000);
    res.status(429).set('Retry-After', String(retryAfter)).json({
      errors: [{ message: `Too many requests: at most ${perMinute} a minute (bursts of ${burst}). Retry in ${retryAfter} s.`, extensions: { code: 'RATE_LIMITED', retryAfter } }],
    });
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
