import type { User } from 'oidc-client-ts';
import { authConfig, type App } from '../shared/auth';
import { claimAt, firstRole } from '../../../kit/src/domain/claims';
import { decodeClaims, ROLES, type Session } from './session';

/** The dashboard as an app that signs in (shared/auth.ts). */
export const DASHBOARD: App = { callback: '/dashboard/callback', home: '/dashboard' };

/** What the user's access token says of their role and region, by the claim names the gateway reads (a list of roles: the first the graph knows). */
export async function sessionOfUser(user: User): Promise<Session> {
  const names = (await authConfig()).claims ?? { role: 'role', region: 'region' };
  const claims = decodeClaims(user.access_token);
  const region = claimAt(claims, names.region);
  return { token: user.access_token, role: firstRole(claimAt(claims, names.role), ROLES) ?? null, region: typeof region === 'string' ? region : null };
}
