import type { User, UserManager } from 'oidc-client-ts';

/**
 * Sign-in with the OpenID provider the gateway names (GET /auth/config), for the dashboard and
 * the explorer alike: Authorization Code with PKCE by oidc-client-ts, the session kept for the
 * browser tab (sessionStorage), the access token renewed silently (a refresh token) before it
 * expires. No provider configured: no sign-in, the token boxes stay the only way in.
 *
 * The library is loaded only when it has work: a sign-in, its return, a user already signed in in
 * this tab. A page opened by someone signed out does not download it (a slow link's first screen).
 */
export interface AuthConfig {
  issuer: string | null;
  clientId?: string;
  scope?: string;
  /** Where the provider's tokens say who the user is, as the gateway reads them. */
  claims?: { role: string; region: string };
}

/** An app that signs in: where the provider sends the browser back, and where signing out lands. */
export interface App {
  callback: string;
  home: string;
}

const NONE: AuthConfig = { issuer: null };
const CONFIG_KEY = 'moukawil.auth-config';
let config: Promise<AuthConfig> | null = null;
const managers = new Map<string, Promise<UserManager | null>>();

export const authConfig = (): Promise<AuthConfig> =>
  (config ??= fetch('/auth/config')
    .then((response) => (response.ok ? (response.json() as Promise<AuthConfig>) : NONE))
    .then((found) => (sessionStorage.setItem(CONFIG_KEY, JSON.stringify(found)), found))
    .catch(() => NONE));

/** The configuration this tab read last (null before the first): what a page needs at once, before /auth/config answers again. */
export function knownAuthConfig(): AuthConfig | null {
  try {
    return JSON.parse(sessionStorage.getItem(CONFIG_KEY) ?? 'null') as AuthConfig | null;
  } catch {
    return null;
  }
}

/** Where oidc-client-ts keeps a tab's user (its WebStorageStateStore over sessionStorage, chosen below). */
const userKey = (found: AuthConfig) => `oidc.user:${found.issuer}:${found.clientId}`;

/**
 * The access token the tab already holds, while it is valid: the first queries go out with it at
 * once, while the library loads to renew it (it reads and writes the same entry).
 */
export function heldAccessToken(): string | null {
  const found = knownAuthConfig();
  if (!found?.issuer) return null;
  try {
    const user = JSON.parse(sessionStorage.getItem(userKey(found)) ?? 'null') as { access_token?: string; expires_at?: number } | null;
    return user?.access_token && (user.expires_at ?? 0) * 1000 > Date.now() + 5_000 ? user.access_token : null;
  } catch {
    return null;
  }
}

/** Whether the library has anything to do on this page: the provider's return, or a user kept by this tab. */
export const hasAuthWork = (app: App) => location.pathname === app.callback || Object.keys(sessionStorage).some((key) => key.startsWith('oidc.user:'));

export function authManager(app: App): Promise<UserManager | null> {
  let manager = managers.get(app.callback);
  if (!manager) {
    manager = authConfig().then(async (found) => {
      if (!found.issuer) return null;
      const { UserManager, WebStorageStateStore } = await import('oidc-client-ts');
      return new UserManager({
        authority: found.issuer,
        client_id: found.clientId!,
        scope: found.scope ?? 'openid profile',
        redirect_uri: `${location.origin}${app.callback}`,
        post_logout_redirect_uri: `${location.origin}${app.home}`,
        response_type: 'code',
        automaticSilentRenew: true,
        userStore: new WebStorageStateStore({ store: sessionStorage }),
      });
    });
    managers.set(app.callback, manager);
  }
  return manager;
}

/** The signed-in user, finishing a sign-in when the provider has just sent the browser back to the app; where to go then. */
export async function signedInUser(app: App): Promise<{ user: User | null; returnTo: string | null }> {
  const auth = await authManager(app);
  if (!auth) return { user: null, returnTo: null };
  if (location.pathname === app.callback) {
    try {
      const user = await auth.signinRedirectCallback();
      return { user, returnTo: typeof user.state === 'string' && user.state.startsWith('/') && !user.state.startsWith('//') ? user.state : app.home };
    } catch {
      return { user: null, returnTo: app.home };
    }
  }
  const user = await auth.getUser();
  return { user: user && !user.expired ? user : null, returnTo: null };
}

/** Off to the provider's sign-in page; back where the user was. */
export async function signIn(app: App): Promise<void> {
  await (await authManager(app))?.signinRedirect({ state: location.pathname });
}

/** Signs out here and at the provider. */
export async function signOut(app: App): Promise<void> {
  const auth = await authManager(app);
  if (!auth) return;
  await auth.signoutRedirect().catch(() => auth.removeUser());
}
