import { UserManager, WebStorageStateStore, type User } from 'oidc-client-ts';
import { decodeClaims, ROLES, type Role, type Session } from './session';

/**
 * Sign-in with the OpenID provider the gateway names (GET /auth/config): Authorization Code with
 * PKCE by oidc-client-ts, the session kept for the browser tab (sessionStorage), the access token
 * renewed silently (a refresh token) before it expires. No provider configured: no sign-in, the
 * token box stays the only way in.
 */
interface AuthConfig {
  issuer: string | null;
  clientId?: string;
  scope?: string;
  claims?: { role: string; region: string };
}

export const CALLBACK_PATH = '/dashboard/callback';

let config: Promise<AuthConfig> | null = null;
let manager: Promise<UserManager | null> | null = null;

const NONE: AuthConfig = { issuer: null };
const authConfig = (): Promise<AuthConfig> =>
  (config ??= fetch('/auth/config')
    .then((response) => (response.ok ? (response.json() as Promise<AuthConfig>) : NONE))
    .catch(() => NONE));

export function authManager(): Promise<UserManager | null> {
  manager ??= authConfig()
    .then((config) =>
      config.issuer
        ? new UserManager({
            authority: config.issuer,
            client_id: config.clientId!,
            scope: config.scope ?? 'openid profile',
            redirect_uri: `${location.origin}${CALLBACK_PATH}`,
            post_logout_redirect_uri: `${location.origin}/dashboard`,
            response_type: 'code',
            automaticSilentRenew: true,
            userStore: new WebStorageStateStore({ store: sessionStorage }),
          })
        : null,
    )
    .catch(() => null);
  return manager;
}

/** The signed-in user, finishing a sign-in when the provider has just sent the browser back here. */
export async function signedInUser(): Promise<{ user: User | null; returnTo: string | null }> {
  const auth = await authManager();
  if (!auth) return { user: null, returnTo: null };
  if (location.pathname === CALLBACK_PATH) {
    try {
      const user = await auth.signinRedirectCallback();
      return { user, returnTo: typeof user.state === 'string' && user.state.startsWith('/dashboard') ? user.state : '/dashboard' };
    } catch {
      return { user: null, returnTo: '/dashboard' };
    }
  }
  const user = await auth.getUser();
  return { user: user && !user.expired ? user : null, returnTo: null };
}

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

/** Off to the provider's sign-in page; back where the user was. */
export async function signIn(): Promise<void> {
  await (await authManager())?.signinRedirect({ state: location.pathname });
}

/** Signs out here and at the provider. */
export async function signOut(): Promise<void> {
  const auth = await authManager();
  if (!auth) return;
  await auth.signoutRedirect().catch(() => auth.removeUser());
}
