import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

/** Debian's Chromium (installed by test/global-setup.js when missing), headless, on a closed network. */
export const CHROMIUM = '/usr/bin/chromium';

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

const ROOT = join(__dirname, '..');
/** test-results/screenshots on every run; docs/screenshots (the README's) only with UPDATE_SCREENSHOTS=1, so a test run leaves the tree clean. */
export const SCREENSHOTS = process.env.UPDATE_SCREENSHOTS === '1' ? join(ROOT, 'docs', 'screenshots') : join(ROOT, 'test-results', 'screenshots');

/** Writes the page (or only what the screen shows: a phone's first screen) as <SCREENSHOTS>/<name>.png. */
export async function screenshot(page: Page, name: string, what: 'page' | 'screen' = 'page'): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: what === 'page' });
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

/** Puts a token into the dashboard's token box (folded under the app's bar), as a user pastes it. */
export async function useToken(page: Page, token: string): Promise<void> {
  if (!(await page.isVisible('input[name="token"]'))) await page.click('details.token summary');
  await page.fill('input[name="token"]', token);
  await page.click('form.token-bar button[type="submit"]');
}

/** Opens a view of the dashboard from its navigation, as a user clicks it, and waits for its address. */
export async function openView(page: Page, view: string): Promise<void> {
  await page.click(`nav.views a[data-view="${view}"]`);
  await page.waitForURL(new RegExp(`/dashboard(/MA-\\d{2})?${view === 'overview' ? '' : `/${view}`}$`));
}
