import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import Provider, { type Configuration, type KoaContextWithOIDC } from 'oidc-provider';
import { DEMO_ISSUER_PATH, envInt, envOptional, isProduction, log, setServiceName } from '@moukawil/kit/core';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, demoAccount } from './identity-accounts';

/**
 * The embedded OpenID provider of `npm start`, for development and the demo, as embedded
 * PostgreSQL is the default database: built on oidc-provider (panva), with the demo accounts of
 * identity-accounts.ts and a login page of its own. Authorization Code with PKCE for the
 * dashboard and the explorer (public clients), access tokens as JWTs for the graph (audience
 * moukawil-graph, ES256, 15 minutes) carrying role, region and advisor, refresh tokens for silent
 * renewal. It never serves in production: it refuses to start there, and the gateway refuses its
 * issuer there (its path, DEMO_ISSUER_PATH, says what it is). A real provider replaces it by
 * configuration (OIDC_ISSUER, docs/security.md).
 */
export { DEMO_ISSUER_PATH };
export const AUDIENCE = 'moukawil-graph';
/** The graph as a resource (RFC 8707 wants an absolute URI); its tokens' audience is AUDIENCE. */
const RESOURCE = 'urn:moukawil-graph';
export const CLIENT_ID = 'moukawil-dashboard';

export function demoIssuer(port: number): string {
  return `http://localhost:${port}${DEMO_ISSUER_PATH}`;
}

function configuration(appOrigins: string[]): Configuration {
  const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const jwk = { ...privateKey.export({ format: 'jwk' }), kid: `demo-${randomBytes(4).toString('hex')}`, alg: 'ES256', use: 'sig' };
  const redirects = appOrigins.flatMap((o) => [`${o}/dashboard/callback`, `${o}/callback`]);
  return {
    clients: [
      {
        client_id: CLIENT_ID,
        token_endpoint_auth_method: 'none',
        application_type: 'web',
        grant_types: ['authorization_code', 'refresh_token'],
        response_types: ['code'],
        redirect_uris: redirects,
        post_logout_redirect_uris: appOrigins.flatMap((o) => [`${o}/dashboard`, `${o}/`]),
      },
    ],
    jwks: { keys: [jwk as never] },
    // One signing key, ES256: ID tokens as well as the access tokens.
    clientDefaults: { id_token_signed_response_alg: 'ES256' },
    cookies: { keys: [randomBytes(32).toString('hex')] },
    pkce: { required: () => true },
    scopes: ['openid', 'profile', 'offline_access'],
    claims: { openid: ['sub'], profile: ['name', 'role', 'region', 'advisor'] },
    features: {
      devInteractions: { enabled: false },
      // Signing out from the app ends the provider's session at once: its confirmation form is sent by the page itself.
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: (ctx, form) => {
          ctx.type = 'html';
          ctx.body = page(
            'Déconnexion',
            `<h1>Déconnexion / Signing out…</h1>${form.replace('<form', '<form id="logout"')}<button form="logout" name="logout" value="yes" type="submit">Se déconnecter / Sign out</button><script>document.getElementById('logout').requestSubmit(document.querySelector('button[name=logout]'))</script>`,
          );
        },
      },
      resourceIndicators: {
        enabled: true,
        defaultResource: () => RESOURCE,
        useGrantedResource: () => true,
        getResourceServerInfo: () => ({
          scope: 'openid profile',
          audience: AUDIENCE,
          accessTokenFormat: 'jwt',
          accessTokenTTL: 15 * 60,
          jwt: { sign: { alg: 'ES256' } },
        }),
      },
    },
    ttl: { AccessToken: 15 * 60, IdToken: 15 * 60, RefreshToken: 8 * 3600, Interaction: 600, Session: 8 * 3600, Grant: 8 * 3600 },
    issueRefreshToken: async (_ctx, client) => client.grantTypeAllowed('refresh_token'),
    rotateRefreshToken: true,
    // The browser apps of the gateway call the token endpoint from their own origin.
    clientBasedCORS: (_ctx, origin) => appOrigins.includes(origin),
    findAccount: (_ctx, id) => {
      const account = demoAccount(id);
      return account
        ? { accountId: id, claims: () => ({ sub: id, name: account.name, role: account.role, region: account.region, advisor: account.advisor }) }
        : undefined;
    },
    // The graph reads who is calling from the access token: its role, region and advisor.
    extraTokenClaims: (_ctx, token) => {
      const account = 'accountId' in token && typeof token.accountId === 'string' ? demoAccount(token.accountId) : undefined;
      return account ? { role: account.role, region: account.region, advisor: account.advisor } : {};
    },
    // First-party apps: what they ask for is granted, without a consent page.
    loadExistingGrant: async (ctx: KoaContextWithOIDC) => {
      const { oidc } = ctx;
      if (!oidc.client || !oidc.session?.accountId) return undefined;
      const existing =
        oidc.entities.Grant ??
        (oidc.session.grantIdFor(oidc.client.clientId) ? await oidc.provider.Grant.find(oidc.session.grantIdFor(oidc.client.clientId)!) : undefined);
      if (existing) return existing;
      const grant = new oidc.provider.Grant({ clientId: oidc.client.clientId, accountId: oidc.session.accountId });
      grant.addOIDCScope('openid profile offline_access');
      grant.addResourceScope(RESOURCE, 'openid profile');
      await grant.save();
      return grant;
    },
    interactions: { url: (_ctx, interaction) => `${DEMO_ISSUER_PATH}/interaction/${interaction.uid}` },
    renderError: (ctx, out, error) => {
      ctx.type = 'html';
      ctx.body = page(
        'Erreur',
        `<p>${escapeHtml(String((error as Error).message ?? error))}</p><p><small>${escapeHtml(String(out.error_description ?? ''))}</small></p>`,
      );
    },
  };
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function page(title: string, body: string): string {
  return `<!doctype html><html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} — Moukawil Graph</title><style>
body{font-family:system-ui,sans-serif;margin:0;background:#f6f7f5;color:#1d2b24}main{max-width:24rem;margin:2rem auto;padding:1rem;background:#fff}
h1{font-size:1.2rem}label{display:block;margin:.6rem 0 .2rem}input,button{font:inherit;width:100%;box-sizing:border-box;padding:.5rem}
button{margin-top:1rem;background:#006233;color:#fff;border:0}.error{color:#a1161c}small{color:#56615b}
</style></head><body><main>${body}</main></body></html>`;
}

function loginPage(uid: string, error?: string): string {
  const accounts = DEMO_ACCOUNTS.map((a) => `<code>${a.id}</code>`).join(', ');
  return page(
    'Connexion',
    `<h1>Moukawil Graph — connexion (démonstration)</h1>
${error ? `<p class="error" role="alert">${escapeHtml(error)}</p>` : ''}
<form method="post" action="${DEMO_ISSUER_PATH}/interaction/${uid}/login">
<label for="login">Identifiant / Username</label><input id="login" name="login" autocomplete="username" required autocapitalize="none">
<label for="password">Mot de passe / Password</label><input id="password" name="password" type="password" autocomplete="current-password" required>
<button type="submit">Se connecter / Sign in</button></form>
<p><small>Comptes de démonstration (mot de passe <code>${DEMO_PASSWORD}</code>) : ${accounts}.</small></p>`,
  );
}

async function formOf(req: IncomingMessage): Promise<URLSearchParams> {
  let text = '';
  for await (const chunk of req) {
    text += chunk;
    if (text.length > 10_000) break;
  }
  return new URLSearchParams(text);
}

/** Starts the provider on `port`; the apps of `appOrigins` may sign in with it. */
export async function startIdentityProvider(port: number, appOrigins: string[]): Promise<{ issuer: string; stop: () => Promise<void> }> {
  if (isProduction()) throw new Error('The embedded identity provider is for development and the demo: it does not start with NODE_ENV=production');
  const issuer = demoIssuer(port);
  const provider = new Provider(issuer, configuration(appOrigins));
  const oidc = provider.callback();
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const path = new URL(req.url ?? '/', 'http://provider').pathname;
    const interaction = new RegExp(`^${DEMO_ISSUER_PATH}/interaction/([\\w-]+)(/login)?$`).exec(path);
    if (path === '/health') return void res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ok"}');
    if (!interaction) {
      if (!path.startsWith(DEMO_ISSUER_PATH)) return void res.writeHead(404).end();
      // Mounted under the issuer's path, as Express mounts it: oidc-provider reads the mount from originalUrl.
      (req as IncomingMessage & { originalUrl?: string }).originalUrl = req.url;
      req.url = req.url!.slice(DEMO_ISSUER_PATH.length) || '/';
      return void oidc(req, res);
    }
    void (async () => {
      try {
        const details = await provider.interactionDetails(req, res);
        const html = { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' };
        if (req.method === 'GET') return void res.writeHead(200, html).end(loginPage(details.uid));
        const form = await formOf(req);
        const account = demoAccount(form.get('login')?.trim().toLowerCase() ?? '');
        if (!account || form.get('password') !== DEMO_PASSWORD) {
          return void res.writeHead(401, html).end(loginPage(details.uid, 'Identifiant ou mot de passe inconnu / Unknown username or password'));
        }
        await provider.interactionFinished(req, res, { login: { accountId: account.id } }, { mergeWithLastSubmission: false });
      } catch (error) {
        log.warn({ err: error }, 'sign-in interaction failed');
        if (!res.headersSent) res.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' }).end('This sign-in has expired: start again from the app.');
      }
    })();
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  log.info({ issuer, accounts: DEMO_ACCOUNTS.length }, 'embedded identity provider ready');
  return { issuer, stop: () => new Promise((resolve) => server.close(() => resolve())) };
}

if (require.main === module) {
  setServiceName('identity');
  const port = envInt('IDENTITY_PORT', 4005, 0, 65535);
  const apps = (envOptional('IDENTITY_APP_ORIGINS') ?? 'http://localhost:4000,http://127.0.0.1:4000').split(',').map((o) => o.trim());
  startIdentityProvider(port, apps).catch((error: Error) => {
    log.error({ err: error }, 'identity provider failed');
    process.exit(1);
  });
}
