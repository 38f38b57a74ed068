import { createRemoteJWKSet, type JWTPayload } from 'jose';
import { claimAt, firstRole } from '../domain/claims';
import { ROLES, type Role } from '../domain/roles';
import { envOptional, envString, isProduction } from './config';

/**
 * The OpenID provider people sign in with, named by its issuer URL (OIDC_ISSUER): its key set is
 * found by discovery (`/.well-known/openid-configuration`), and who the token's holder is comes
 * from claims whose names are configurable, since providers put roles in different places
 * (OIDC_ROLE_CLAIM, OIDC_REGION_CLAIM, OIDC_ADVISOR_CLAIM: a claim name or a dotted path such as
 * `realm_access.roles`; a list of roles gives the first one the graph knows). `npm start` runs an
 * embedded provider (scripts/src/identity.ts) whose issuer path is DEMO_ISSUER_PATH: production
 * refuses it.
 */
export const DEMO_ISSUER_PATH = '/moukawil-demo';

export const oidcIssuer = (): string | undefined => envOptional('OIDC_ISSUER')?.replace(/\/$/, '');

/** Whether an issuer is the embedded demo provider's (issuers need not be URLs: `moukawil-graph` is not one). */
const isDemoIssuer = (issuer: string) => URL.canParse(issuer) && new URL(issuer).pathname.replace(/\/$/, '') === DEMO_ISSUER_PATH;

/** Refuses, at start-up, the demo provider in production. */
export function assertOidcConfig(): void {
  const issuer = oidcIssuer();
  if (issuer && isProduction() && isDemoIssuer(issuer)) {
    throw new Error(`OIDC_ISSUER names the embedded demo provider (${issuer}): it never serves with NODE_ENV=production`);
  }
}

/** Whether a verified token's issuer may be trusted here (the demo provider's never in production). */
export const trustedIssuer = (iss: string | undefined): boolean => !(iss && isProduction() && isDemoIssuer(iss));

let keySet: { issuer: string; keys: Promise<ReturnType<typeof createRemoteJWKSet>> } | null = null;

/** The provider's key set, from its discovery document (fetched again after a failure). */
export function oidcKeySet(issuer: string, options: Parameters<typeof createRemoteJWKSet>[1]): Promise<ReturnType<typeof createRemoteJWKSet>> {
  if (keySet?.issuer !== issuer) {
    const keys = fetch(`${issuer}/.well-known/openid-configuration`, { signal: AbortSignal.timeout(3_000) })
      .then((response) =>
        response.ok ? (response.json() as Promise<{ jwks_uri?: string }>) : Promise.reject(new Error(`discovery answered ${response.status}`)),
      )
      .then(({ jwks_uri }) => createRemoteJWKSet(new URL(jwks_uri ?? `${issuer}/jwks`), options));
    keySet = { issuer, keys };
    keys.catch(() => (keySet = null));
  }
  return keySet.keys;
}

/** Role, region and advisor of a provider's token, by the configured claim names. */
export function providerClaims(payload: JWTPayload): { role: Role | undefined; region: string | undefined; advisor: string | undefined } {
  const text = (name: string, fallback: string) => {
    const value = claimAt(payload, envString(name, fallback));
    return typeof value === 'string' ? value : undefined;
  };
  return {
    role: firstRole(claimAt(payload, envString('OIDC_ROLE_CLAIM', 'role')), ROLES),
    region: text('OIDC_REGION_CLAIM', 'region'),
    advisor: text('OIDC_ADVISOR_CLAIM', 'advisor'),
  };
}
