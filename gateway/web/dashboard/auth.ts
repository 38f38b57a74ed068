import type { User } from 'oidc-client-ts';
import { authConfig, type App } from '../shared/auth';
import { decodeClaims, ROLES, type Role, type Session } from './session';

/** The dashboard as an app that signs in (shared/auth.ts). */
export const DASHBOARD: App = { callback: '/dashboard/callback', home: '/dashboard' };

const claimAt = (claims: Record<string, unknown>, path: string) =>
  path.split('.').reduce<unknown>((value, key) => (value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined), claims);

/** What the user's access token says of their role and region, by the claim names the gateway reads (a list of roles: the first the graph knows). */
export async function sessionOfUser(user: User): Promise<Session> {
  const names = (await authConfig()).claims ?? { role: 'role', region: 'region' };
  const claims = decodeClaims(user.access_token);
  const roles = ([] as unknown[]).concat(claimAt(claims, names.role)).map((r) => (typeof r === 'string' ? r.toUpperCase() : r));
  const region = claimAt(claims, names.region);
  return { token: user.access_token, role: (roles.find((r) => ROLES.includes(r as Role)) as Role) ?? null, region: typeof region === 'string' ? region : null };
}
