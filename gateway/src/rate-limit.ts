import type { IncomingMessage } from 'node:http';
import proxyaddr from 'proxy-addr';
import { RateLimiterMemory, type RateLimiterRes } from 'rate-limiter-flexible';
import { envInt, envOptional, type Viewer } from '@moukawil/kit/core';
import type { Refusal } from './graphql-http';

/**
 * Counts a request against its caller; a refusal (429 with the seconds to wait) when the caller is
 * over its rate: the gateway's, or the caller's own (a partner key issued with one).
 */
export type RateLimit = (key: string, perMinute?: number | null) => Promise<(Refusal & { retryAfter: number }) | null>;

/**
 * Per caller (the verified token's subject, else the client address: a bad token counts against
 * its address, then gets its 401), RATE_LIMIT_PER_MINUTE requests a minute in bursts of at most
 * RATE_LIMIT_BURST: a window of BURST requests every BURST / rate seconds (rate-limiter-flexible).
 * A partner key issued with its own rate gets that rate in bursts of a sixth of it. Per gateway
 * process (GATEWAY_WORKERS, replicas multiply it). RATE_LIMIT_PER_MINUTE=0 turns every limit off.
 */
export function rateLimit(): RateLimit | null {
  const defaultRate = envInt('RATE_LIMIT_PER_MINUTE', 1_200, 0);
  if (defaultRate === 0) return null;
  const defaultBurst = envInt('RATE_LIMIT_BURST', Math.max(1, Math.ceil(defaultRate / 6)), 1);
  // One limiter per rate in use: the gateway's, and each distinct rate partner keys were issued with.
  const limiters = new Map<number, { limiter: RateLimiterMemory; burst: number }>();
  const limiterFor = (perMinute: number) => {
    let found = limiters.get(perMinute);
    if (!found) {
      const burst = perMinute === defaultRate ? defaultBurst : Math.max(1, Math.ceil(perMinute / 6));
      found = { limiter: new RateLimiterMemory({ points: burst, duration: Math.max(1, Math.round((burst * 60) / perMinute)) }), burst };
      limiters.set(perMinute, found);
    }
    return found;
  };
  return async (key, own) => {
    const perMinute = own ?? defaultRate;
    const { limiter, burst } = limiterFor(perMinute);
    try {
      await limiter.consume(key);
      return null;
    } catch (result) {
      const retryAfter = Math.max(1, Math.ceil((result as RateLimiterRes).msBeforeNext / 1000));
      return {
        status: 429,
        code: 'RATE_LIMITED',
        message: `Too many requests: at most ${perMinute} a minute (bursts of ${burst}). Retry in ${retryAfter} s.`,
        retryAfter,
      };
    }
  };
}

/** The bucket a request counts against: its verified subject, else its client address. */
export const callerKey = (viewer: Viewer | null, address: string | undefined): string =>
  viewer?.subject ? `subject:${viewer.subject}` : `address:${address ?? 'unknown'}`;

/**
 * The client's address. X-Forwarded-For is anyone's to write, so it is believed only from the
 * proxies TRUST_PROXY names: a number of hops in front of the gateway, or a comma list of
 * addresses, subnets or names (`loopback`, `10.0.0.0/8`), as Express's "trust proxy" reads it.
 */
export function clientAddress(): (req: IncomingMessage) => string | undefined {
  const setting = envOptional('TRUST_PROXY');
  if (!setting) return (req) => req.socket.remoteAddress;
  const trust = /^\d+$/.test(setting) ? (_address: string, hop: number) => hop < Number(setting) : proxyaddr.compile(setting.split(',').map((s) => s.trim()));
  return (req) => proxyaddr(req, trust);
}
