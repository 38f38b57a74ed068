import { UserManager, WebStorageStateStore, type User } from 'oidc-client-ts';

/**
 * Sign-in with the OpenID provider the gateway names (GET /auth/config), for the dashboard and
 * the explorer alike: Authorization Code with PKCE by oidc-client-ts, the session kept for the
 * browser tab (sessionStorage), the access token renewed silently (a refresh token) before it
 * expires. No provider configured: no sign-in, the token boxes stay the only way in.
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
let config: Promise<AuthConfig> | null = null;
const managers = new Map<string, Promise<UserManager | null>>();

export const authConfig = (): Promise<AuthConfig> =>
  (config ??= fetch('/auth/config')
    .then((response) => (response.ok ? (response.json() as Promise<AuthConfig>) : NONE))
    .catch(() => NONE));

export function authManager(app: App): Promise<UserManager | null> {
  let manager = managers.get(app.callback);
  if (!manager) {
    manager = authConfig().then((found) =>
      found.issuer
        ? new UserManager({
            authority: found.issuer,
            client_id: found.clientId!,
            scope: found.scope ?? 'openid profile',
            redirect_uri: `${location.origin}${app.callback}`,
            post_logout_redirect_uri: `${location.origin}${app.home}`,
            response_type: 'code',
            automaticSilentRenew: true,
            userStore: new WebStorageStateStore({ store: sessionStorage }),
          })
        : null,
    );
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
