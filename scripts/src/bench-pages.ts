import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser } from 'playwright-core';
import { median } from './bench-load';
import { ROOT } from './paths';

/** The pages as a browser gets them: the dashboard's first meaningful paint, and what each page downloads. */
export interface PageFigures {
  /** The national view: from navigation to the table of the 12 regions on screen, per load, in ms. */
  nationalViewMs: number[];
  firstContentfulPaintMs: number[];
  /** A signed-in council's overview (its region's figures on screen) on Chromium's emulation of a slow 3G link, per load, in ms. */
  slow3gCouncilMs: number[];
  bundles: Record<'dashboard' | 'explorer', { bytes: number; gzipBytes: number }>;
}

const PUBLIC = join(ROOT, 'gateway', 'dist', 'public');
const bundle = (file: string) => {
  const bytes = readFileSync(join(PUBLIC, file));
  return { bytes: bytes.length, gzipBytes: gzipSync(bytes).length };
};

/** What the dashboard's page downloads before its first view: its script and the chunks the page names (modulepreload), as sent (brotli). */
function dashboardFirstLoad(): { bytes: number; gzipBytes: number } {
  const page = readFileSync(join(PUBLIC, 'dashboard', 'index.html'), 'utf8');
  const files = ['dashboard.js', ...[...page.matchAll(/rel="modulepreload" href="\/dashboard\/assets\/([^"]+)"/g)].map((m) => m[1])];
  return files.reduce(
    (sum, file) => ({
      bytes: sum.bytes + readFileSync(join(PUBLIC, 'dashboard', file)).length,
      gzipBytes: sum.gzipBytes + readFileSync(join(PUBLIC, 'dashboard', `${file}.br`)).length,
    }),
    { bytes: 0, gzipBytes: 0 },
  );
}

/** Chromium's "slow 3G": about 400 kbit/s each way, 400 ms of latency on every request. */
const SLOW_3G = { offline: false, latency: 400, downloadThroughput: (400 * 1024) / 8, uploadThroughput: (400 * 1024) / 8 };

/**
 * A council signs in through the provider's login page (on a fast link), then opens its region's
 * overview again in that tab on a slow 3G link with the browser's cache off: from navigation to its
 * figures on screen, `loads` times.
 */
async function slow3gCouncil(browser: Browser, origin: string, account: { login: string; password: string; region: string }, loads: number): Promise<number[]> {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, locale: 'ar-MA' });
  const page = await context.newPage();
  const figures = () =>
    page.waitForFunction(() => /\d/.test(document.querySelector('[data-testid="region-registered"]')?.textContent ?? ''), undefined, { timeout: 60_000 });
  await page.goto(`${origin}/dashboard`);
  await page.click('[data-testid="sign-in"]');
  await page.waitForURL(/\/interaction\//);
  await page.fill('#login', account.login);
  await page.fill('#password', account.password);
  await page.click('button[type="submit"]');
  await page.waitForURL(`${origin}/dashboard/${account.region}`);
  await figures();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', SLOW_3G);
  const times: number[] = [];
  for (let i = 0; i < loads; i++) {
    await page.goto(`${origin}/dashboard/${account.region}`, { waitUntil: 'commit', timeout: 60_000 });
    await figures();
    times.push(Math.round(await page.evaluate(() => performance.now())));
  }
  await context.close();
  return times;
}

/**
 * Loads the national dashboard `loads` times in Debian's Chromium, each in a fresh browser context
 * (nothing cached: the scripts are downloaded and parsed every time), from a gateway already warm.
 */
export async function measurePages(origin: string, council: { login: string; password: string; region: string }, loads = 7): Promise<PageFigures> {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  const nationalViewMs: number[] = [];
  const firstContentfulPaintMs: number[] = [];
  const slow3gCouncilMs: number[] = [];
  try {
    for (let i = 0; i < loads; i++) {
      const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, locale: 'fr-FR' });
      const page = await context.newPage();
      await page.goto(`${origin}/dashboard`);
      await page.waitForSelector('[data-testid="regions-table"] tbody tr');
      const [shown, fcp] = await page.evaluate(() => [performance.now(), performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN]);
      if (i > 0) {
        // The first load warms the browser's own caches of code, not the page's: left out.
        nationalViewMs.push(Math.round(shown));
        firstContentfulPaintMs.push(Math.round(fcp));
      }
      await context.close();
    }
    slow3gCouncilMs.push(...(await slow3gCouncil(browser, origin, council, 3)));
  } finally {
    await browser.close();
  }
  return {
    nationalViewMs,
    firstContentfulPaintMs,
    slow3gCouncilMs,
    bundles: { dashboard: dashboardFirstLoad(), explorer: bundle('explorer/explorer.js') },
  };
}

export const pageSummary = (p: PageFigures) => [
  `- The national dashboard in Chromium, warm gateway, nothing cached in the browser: the 12 regions on screen ${median(p.nationalViewMs)} ms after navigation (median of ${p.nationalViewMs.join(', ')}; target under 1,000 ms), first contentful paint ${median(p.firstContentfulPaintMs)} ms.`,
  ...(p.slow3gCouncilMs
    ? [
        `- A council signed in with the provider opens its overview (Casablanca-Settat, the largest register: its figures on screen) on Chromium's slow 3G emulation (400 kbit/s, 400 ms a request), the browser's cache off, on a phone in Arabic: ${median(p.slow3gCouncilMs)} ms after navigation (median of ${p.slow3gCouncilMs.join(', ')}; target under 3,000 ms).`,
      ]
    : []),
  `- Scripts: the dashboard's first load (its app and the chunks its page names; each other view a chunk of its own, loaded when opened) ${(p.bundles.dashboard.bytes / 1024).toFixed(0)} KB (${(p.bundles.dashboard.gzipBytes / 1024).toFixed(0)} KB as sent, brotli), the explorer's ${(p.bundles.explorer.bytes / 1024).toFixed(0)} KB (${(p.bundles.explorer.gzipBytes / 1024).toFixed(0)} KB gzipped), bundled separately.`,
];
