import { existsSync } from 'node:fs';
import { join } from 'node:path';
import compression from 'compression';
import express, { type Express, type Response } from 'express';
import expressStaticGzip from 'express-static-gzip';
import helmet from 'helmet';
import { envString, oidcIssuer } from '@moukawil/kit/core';

/** Where gateway/web/build.js writes the bundled explorer and dashboard. */
export const PUBLIC_DIR = join(__dirname, '..', 'dist', 'public');

/**
 * The pages' security headers, by helmet: pages may only load from the gateway itself (a stray
 * CDN reference fails in the browser, and in the browser tests, instead of leaking to an outside
 * host), no other site may frame them, forms post and `<base>` points only here, nothing is
 * sniffed as another type and no address leaks in a Referer. Transport security (HSTS,
 * upgrading requests) is left to the TLS proxy in front, which knows whether there is TLS.
 */
const provider = oidcIssuer();
const securityHeaders = helmet({
  contentSecurityPolicy: {
    useDefaults: false,
    directives: {
      'default-src': ["'self'"],
      'script-src': ["'self'"],
      'worker-src': ["'self'"],
      // The apps sign in with the OpenID provider: its discovery and token endpoints are called from the page.
      'connect-src': ["'self'", ...(provider ? [new URL(provider).origin] : [])],
      'style-src': ["'self'", "'unsafe-inline'"],
      'font-src': ["'self'", 'data:'],
      'img-src': ["'self'", 'data:'],
      'object-src': ["'none'"],
      'base-uri': ["'self'"],
      'form-action': ["'self'"],
      'frame-ancestors': ["'none'"],
    },
  },
  referrerPolicy: { policy: 'no-referrer' },
  strictTransportSecurity: false,
  xFrameOptions: { action: 'deny' },
});

function sendPage(res: Response, page: string): void {
  const file = join(PUBLIC_DIR, page, 'index.html');
  if (!existsSync(file)) {
    res.status(503).type('text').send('The web pages are not built: run "npm run build".');
    return;
  }
  res.set('Cache-Control', 'no-cache').sendFile(file);
}

/** GET / is the GraphiQL explorer; GET /dashboard/… the dashboard (one page, its views routed in the browser). */
export function mountPages(app: Express): void {
  // The explorer is ≈ 6 MB of JavaScript and CSS: gzip brings it to about a third.
  const zip = compression();
  const assets = (dir: string) => [securityHeaders, zip, express.static(join(PUBLIC_DIR, dir), { index: false, maxAge: '1h' })];
  // The explorer, and where the provider sends it back after a sign-in.
  app.get(['/', '/callback'], securityHeaders, (_req, res) => sendPage(res, 'explorer'));
  // How the apps sign in: the provider's issuer (discovery does the rest) and the apps' client id.
  app.get('/auth/config', (_req, res) => {
    res.set('Cache-Control', 'no-cache').json(
      provider
        ? {
            issuer: provider,
            clientId: envString('OIDC_CLIENT_ID', 'moukawil-dashboard'),
            scope: 'openid profile',
            // Where the provider puts who the user is, as the gateway reads it (kit/src/core/oidc.ts).
            claims: { role: envString('OIDC_ROLE_CLAIM', 'role'), region: envString('OIDC_REGION_CLAIM', 'region') },
          }
        : { issuer: null },
    );
  });
  app.use('/explorer', assets('explorer'));
  // The dashboard's files are compressed once, at build (brotli at its best, gzip beside it): 15 % less
  // to download than compressing on the fly, which matters on a phone's slow link.
  app.use(
    '/dashboard/assets',
    securityHeaders,
    expressStaticGzip(join(PUBLIC_DIR, 'dashboard'), { enableBrotli: true, orderPreference: ['br'], index: false, serveStatic: { maxAge: '1h' } }),
  );
  // Every view of the dashboard has its own address (/dashboard/MA-09/register…): the page routes them in the browser.
  app.get(['/dashboard', '/dashboard/{*view}'], securityHeaders, (_req, res) => sendPage(res, 'dashboard'));
}
