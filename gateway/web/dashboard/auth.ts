import type { User } from 'oidc-client-ts';
import { authConfig, heldAccessToken, knownAuthConfig, type App } from '../shared/auth';
import { claimAt, firstRole } from '../../../kit/src/domain/claims';
import { decodeClaims, loadSession, ROLES, type Session } from './session';

/** The dashboard as an app that signs in (shared/auth.ts). */
export const DASHBOARD: App = { callback: '/dashboard/callback', home: '/dashboard' };

const DEFAULT_CLAIMS = { role: 'role', region: 'region' };

/** What an access token says of its holder's role and region, by the claim names the gateway reads (a list of roles: the first the graph knows). */
function sessionOfAccessToken(token: string, names = DEFAULT_CLAIMS): Session {
  const claims = decodeClaims(token);
  const region = claimAt(claims, names.region);
  return { token, role: firstRole(claimAt(claims, names.role), ROLES) ?? null, region: typeof region === 'string' ? region : null };
}

export async function sessionOfUser(user: User): Promise<Session> {
  return sessionOfAccessToken(user.access_token, (await authConfig()).claims ?? DEFAULT_CLAIMS);
}

/** Who the user is as the page opens, without waiting for anything: a pasted token, else the provider's token this tab holds. */
export function openingSession(): Session {
  const pasted = loadSession();
  if (pasted.token) return pasted;
  const held = heldAccessToken();
  return held ? sessionOfAccessToken(held, knownAuthConfig()?.claims ?? DEFAULT_CLAIMS) : pasted;
}
