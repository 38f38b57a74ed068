import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { url } from './support';

/** Debian's Chromium (installed by test/global-setup.js when missing), headless, on a closed network. */
export const CHROMIUM = '/usr/bin/chromium';

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

const ROOT = join(__dirname, '..');
export const SCREENSHOTS = join(ROOT, 'docs', 'screenshots');

/** Writes the page as docs/screenshots/<name>.png, for the README. */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/**
 * Follows what a page does: uncaught errors, and every request that leaves the gateway's origin
 * (the pages must work in networks that block outside hosts).
 */
export function watch(page: Page, origin: string): { errors: string[]; outside: string[] } {
  const seen = { errors: [] as string[], outside: [] as string[] };
  page.on('pageerror', (error) => seen.errors.push(error.message));
  page.on('request', (request) => {
    if (!request.url().startsWith(origin) && !request.url().startsWith('data:') && !request.url().startsWith('blob:')) seen.outside.push(request.url());
  });
  return seen;
}

/** Puts a token into the dashboard's token box, as a user pastes it. */
export async function useToken(page: Page, token: string): Promise<void> {
  await page.fill('input[name="token"]', token);
  await page.click('form.token-bar button[type="submit"]');
}

export interface ExtraGateway {
  origin: string;
  stop(): Promise<void>;
}

/**
 * A second gateway over the test stack's subgraphs, with some subgraph addresses replaced (a dead
 * port, to see what users get when that subgraph is down) without disturbing the shared stack.
 */
export async function startGateway(port: number, env: NodeJS.ProcessEnv): Promise<ExtraGateway> {
  const ports = JSON.parse(process.env.TEST_PORTS ?? '{}');
  const child: ChildProcess = spawn(process.execPath, [join(ROOT, 'gateway', 'dist', 'main.js')], {
    env: {
      ...process.env, LOG_LEVEL: 'silent', GATEWAY_PORT: String(port),
      REGIONS_URL: url('regions'), REGISTRY_URL: url('registry'), PROGRAMS_URL: url('programs'), INDICATORS_URL: url('indicators'), ...env,
    },
    stdio: 'ignore',
  });
  const origin = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 20_000;
  for (;;) {
    try {
      const response = await fetch(`${origin}/`);
      if (response.ok) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline || child.exitCode !== null) throw new Error(`extra gateway on ${port} did not start (ports ${JSON.stringify(ports)})`);
    await new Promise((r) => setTimeout(r, 150));
  }
  return {
    origin,
    stop: () => new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    }),
  };
}
