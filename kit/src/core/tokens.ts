import { GraphQLError } from 'graphql';
import { SignJWT, createRemoteJWKSet, decodeProtectedHeader, jwtVerify, errors as joseErrors, type JWTPayload } from 'jose';
import { validateClaims, type Role, type TokenClaims } from '../domain/roles';
import { boundedCache } from './cache';
import { envInt, envOptional, envString, isLoopback, isProduction, listenHost } from './config';
import { assertOidcConfig, oidcIssuer, oidcKeySet, providerClaims, trustedIssuer } from './oidc';

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

/** Below this, an HS256 secret can be guessed offline from one token (RFC 7518 §3.2 asks for at least the hash's size). */
const MIN_SECRET_BYTES = 32;

/**
 * The HS256 secret, refused where it would not protect anything: the published development
 * secret on a service another machine can reach (LISTEN_HOST not loopback) or in production,
 * and in either of those a secret shorter than 32 bytes. With JWT_JWKS_URL no secret is used.
 */
function secret(): Uint8Array<ArrayBuffer> {
  const value = envString('JWT_SECRET', DEV_SECRET);
  const bytes = new TextEncoder().encode(value);
  if (envOptional('JWT_JWKS_URL')) return bytes;
  const exposed = isProduction() || !isLoopback(listenHost());
  const where = isProduction() ? 'when NODE_ENV=production' : `when listening on ${listenHost()} (LISTEN_HOST), not loopback`;
  if (exposed && value === DEV_SECRET) {
    throw new Error(`JWT_SECRET must be set to a private secret ${where} (or JWT_JWKS_URL to an identity provider)`);
  }
  if (exposed && bytes.length < MIN_SECRET_BYTES) {
    throw new Error(`JWT_SECRET must be at least ${MIN_SECRET_BYTES} bytes ${where}; it has ${bytes.length} (e.g. openssl rand -hex 32)`);
  }
  return bytes;
}

/** JWT_JWKS_URL's key set (cached and refreshed by jose: verify below). */
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

/**
 * A token is verified by who issued it: with JWT_JWKS_URL, an identity provider's key set only
 * (RS256/ES256, issuer JWT_ISSUER); with OIDC_ISSUER, that provider's tokens by its discovered key
 * set, and development tokens (HS256, JWT_SECRET) beside them; otherwise development tokens only.
 */
async function verify(token: string): Promise<{ payload: JWTPayload; fromProvider: boolean }> {
  // A token names its holder and expires: without `sub` callers would share one idempotency
  // namespace, lookup budget and audit actor; without `exp` (or with an `iat` older than
  // JWT_MAX_AGE_SECONDS) a leaked token would work for ever.
  const common = { audience: audience(), requiredClaims: ['sub', 'exp', 'iat'], maxTokenAge: maxTokenAge() };
  // The key set is fetched again once it is keysRefreshMs old (a key withdrawn by the provider is
  // dropped by then), and at once for a key id it does not hold, but not more than once every
  // 30 s, so that tokens naming unknown keys cannot make us hammer the provider.
  const keyOptions = { timeoutDuration: 3_000, cacheMaxAge: keysRefreshMs(), cooldownDuration: 30_000 };
  const jwks = envOptional('JWT_JWKS_URL');
  const provider = oidcIssuer();
  if (jwks) {
    keySet ??= createRemoteJWKSet(new URL(jwks), keyOptions);
    return { payload: (await jwtVerify(token, keySet, { ...common, issuer: issuer(), algorithms: ['RS256', 'ES256'] })).payload, fromProvider: true };
  }
  if (provider && decodeProtectedHeader(token).alg !== 'HS256') {
    const keys = await oidcKeySet(provider, keyOptions);
    return { payload: (await jwtVerify(token, keys, { ...common, issuer: provider, algorithms: ['RS256', 'ES256'] })).payload, fromProvider: true };
  }
  return { payload: (await jwtVerify(token, await hmac(), { ...common, issuer: issuer(), algorithms: ['HS256'] })).payload, fromProvider: false };
}

/** The oldest token accepted, counted from its `iat` (12 hours by default: a working day's session). */
const maxTokenAge = () => envInt('JWT_MAX_AGE_SECONDS', 12 * 3600, 60, 30 * 24 * 3600);

/**
 * Half of the minute docs/security.md promises for a withdrawn key (JWT_KEYS_REFRESH_SECONDS,
 * 30 by default): a key set is fetched again once it is that old, and a verified token is taken
 * on trust that long after its check, so the two caches add up to at most twice this.
 */
const keysRefreshMs = () => envInt('JWT_KEYS_REFRESH_SECONDS', 30, 1, 300) * 1000;

/**
 * Tokens verified lately, by their exact text (signature included): a dashboard sends the same
 * token with every request, and the gateway and each subgraph verify it. An entry never
 * outlives the token's own expiry, nor keysRefreshMs after it was checked (a key removed from
 * the JWKS stops being trusted within that time). Failures are never kept.
 */
const verified = boundedCache<string, Viewer>(10_000, 300_000);

function remember(token: string, viewer: Viewer, exp: number): void {
  const ttl = Math.min(keysRefreshMs(), exp * 1000 - Date.now());
  if (ttl > 0) verified.set(token, viewer, { ttl });
}

/** Fails at start-up, not at the first request, when the identity configuration is unsafe. */
export function assertIdentityConfig(): void {
  secret();
  maxTokenAge();
  keysRefreshMs();
  assertOidcConfig();
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
    const { payload, fromProvider } = await verify(token);
    if (!trustedIssuer(payload.iss)) throw new Error('the demo provider is not trusted in production');
    const claims: TokenClaims = {
      subject: String(payload.sub),
      ...(fromProvider
        ? (providerClaims(payload) as Omit<TokenClaims, 'subject'>)
        : {
            role: payload.role as Role,
            region: typeof payload.region === 'string' ? payload.region : undefined,
            advisor: typeof payload.advisor === 'string' ? payload.advisor : undefined,
          }),
    };
    validateClaims(claims);
    const viewer: Viewer = Object.freeze({ subject: claims.subject, role: claims.role, region: claims.region ?? null, advisor: claims.advisor ?? null, token });
    remember(token, viewer, payload.exp!);
    return viewer;
  } catch (error) {
    const reason = error instanceof joseErrors.JWTExpired ? 'the token has expired' : 'the token is not valid';
    throw unauthenticated(`Authentication failed: ${reason}`);
  }
}
