import { GraphQLError } from 'graphql';
import { SignJWT, createRemoteJWKSet, jwtVerify, errors as joseErrors, type JWTPayload } from 'jose';
import { validateClaims, type Role, type TokenClaims } from '../domain/roles';
import { boundedCache } from './cache';
import { envOptional, envString, isProduction } from './config';

/** Who is asking: built from a verified token, or anonymous. */
export interface Viewer {
  subject: string | null;
  role: Role | null;
  /** Region of a REGIONAL or ADVISOR viewer. */
  region: string | null;
  /** An ADVISOR viewer's advisor id in the network, when its token names one. */
  advisor?: string | null;
  /** The verified bearer token, forwarded by the gateway to the subgraphs. */
  token: string | null;
}

export const ANONYMOUS: Viewer = Object.freeze({ subject: null, role: null, region: null, token: null });

export const DEV_SECRET = 'moukawil-graph-development-secret-not-for-production';
const issuer = () => envString('JWT_ISSUER', 'moukawil-graph');
const audience = () => envString('JWT_AUDIENCE', 'moukawil-graph');

function secret(): Uint8Array<ArrayBuffer> {
  const value = envString('JWT_SECRET', DEV_SECRET);
  if (isProduction() && value === DEV_SECRET && !envOptional('JWT_JWKS_URL')) {
    throw new Error('JWT_SECRET must be set to a private secret when NODE_ENV=production (or JWT_JWKS_URL to an identity provider)');
  }
  return new TextEncoder().encode(value);
}

/**
 * Production identity providers publish their public keys: with JWT_JWKS_URL, tokens are
 * RS256/ES256 checked against that key set (cached and refreshed by jose); otherwise HS256
 * with JWT_SECRET, for development and for `npm run token`.
 */
let keySet: ReturnType<typeof createRemoteJWKSet> | null = null;
// The HMAC key imported once per secret: jose would otherwise import it into WebCrypto on every call.
let hmacKey: { secret: string; key: Promise<CryptoKey> } | null = null;
function hmac(): Promise<CryptoKey> {
  const value = envString('JWT_SECRET', DEV_SECRET);
  if (hmacKey?.secret !== value) {
    hmacKey = { secret: value, key: crypto.subtle.importKey('raw', secret(), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign', 'verify']) };
  }
  return hmacKey.key;
}

async function verify(token: string): Promise<JWTPayload> {
  const jwks = envOptional('JWT_JWKS_URL');
  const options = { issuer: issuer(), audience: audience() };
  if (jwks) {
    keySet ??= createRemoteJWKSet(new URL(jwks), { timeoutDuration: 3_000 });
    return (await jwtVerify(token, keySet, { ...options, algorithms: ['RS256', 'ES256'] })).payload;
  }
  return (await jwtVerify(token, await hmac(), { ...options, algorithms: ['HS256'] })).payload;
}

/**
 * Tokens verified in the last minute, by their exact text (signature included): a dashboard
 * sends the same token with every request, and the gateway and each subgraph verify it. An
 * entry never outlives the token's own expiry, nor VERIFIED_TTL_MS after it was checked (a key
 * removed from the JWKS stops being trusted within that time). Failures are never kept.
 */
const VERIFIED_TTL_MS = 60_000;
const verified = boundedCache<string, Viewer>(10_000, VERIFIED_TTL_MS);

function remember(token: string, viewer: Viewer, exp: number | undefined): void {
  const ttl = Math.min(VERIFIED_TTL_MS, exp === undefined ? Infinity : exp * 1000 - Date.now());
  if (ttl > 0) verified.set(token, viewer, { ttl });
}

/** Fails at start-up, not at the first request, when the identity configuration is unsafe. */
export function assertIdentityConfig(): void {
  secret();
}

export function unauthenticated(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });
}

/** Signs a development token (HS256 with JWT_SECRET). */
export async function signToken(claims: TokenClaims, expiresIn = '12h'): Promise<string> {
  validateClaims(claims);
  return new SignJWT({ role: claims.role, ...(claims.region ? { region: claims.region } : {}), ...(claims.advisor ? { advisor: claims.advisor } : {}) })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(claims.subject)
    .setIssuer(issuer())
    .setAudience(audience())
    .setIssuedAt()
    .setExpirationTime(expiresIn)
    .sign(secret());
}

/** Verifies an `Authorization` header value; no header is anonymous, a bad token is UNAUTHENTICATED. */
export async function viewerFromHeader(header: string | undefined | null): Promise<Viewer> {
  if (!header) return ANONYMOUS;
  const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
  if (!match) throw unauthenticated('The Authorization header must be "Bearer <token>"');
  const token = match[1];
  const known = verified.get(token);
  if (known) return known;
  try {
    const payload = await verify(token);
    const claims: TokenClaims = {
      subject: String(payload.sub ?? ''),
      role: payload.role as Role,
      region: typeof payload.region === 'string' ? payload.region : undefined,
      advisor: typeof payload.advisor === 'string' ? payload.advisor : undefined,
    };
    validateClaims(claims);
    const viewer: Viewer = Object.freeze({ subject: claims.subject, role: claims.role, region: claims.region ?? null, advisor: claims.advisor ?? null, token });
    remember(token, viewer, payload.exp);
    return viewer;
  } catch (error) {
    const reason = error instanceof joseErrors.JWTExpired ? 'the token has expired' : 'the token is not valid';
    throw unauthenticated(`Authentication failed: ${reason}`);
  }
}
