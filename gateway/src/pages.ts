import { existsSync } from 'node:fs';
import { join } from 'node:path';
import compression from 'compression';
import express, { type Express, type Response } from 'express';

/** Where gateway/web/build.js writes the bundled explorer and dashboard. */
export const PUBLIC_DIR = join(__dirname, '..', 'dist', 'public');

/**
 * Pages may only load from the gateway itself: a stray CDN reference fails in the browser
 * (and in the browser tests) instead of leaking to an outside host.
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "worker-src 'self'",
  "connect-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "font-src 'self' data:",
  "img-src 'self' data:",
  "frame-ancestors 'none'",
].join('; ');

function sendPage(res: Response, page: string): void {
  const file = join(PUBLIC_DIR, page, 'index.html');
  if (!existsSync(file)) {
    res.status(503).type('text').send('The web pages are not built: run "npm run build".');
    return;
  }
  res.set('Content-Security-Policy', CONTENT_SECURITY_POLICY).set('Cache-Control', 'no-cache').sendFile(file);
}

/** GET / is the GraphiQL explorer; GET /dashboard[/MA-xx] the dashboard (one page, routed in the browser). */
export function mountPages(app: Express): void {
  // The explorer is ≈ 6 MB of JavaScript and CSS: gzip brings it to about a third.
  const zip = compression();
  const assets = (dir: string) => [
    zip,
    express.static(join(PUBLIC_DIR, dir), { index: false, maxAge: '1h', setHeaders: (res) => res.set('Content-Security-Policy', CONTENT_SECURITY_POLICY) }),
  ];
  app.get('/', (_req, res) => sendPage(res, 'explorer'));
  app.use('/explorer', assets('explorer'));
  app.use('/dashboard/assets', assets('dashboard'));
  app.get(['/dashboard', '/dashboard/:region'], (_req, res) => sendPage(res, 'dashboard'));
}
