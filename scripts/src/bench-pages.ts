import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { median } from './bench-load';
import { ROOT } from './paths';

/** The pages as a browser gets them: the dashboard's first meaningful paint, and what each page downloads. */
export interface PageFigures {
  /** The national view: from navigation to the table of the 12 regions on screen, per load, in ms. */
  nationalViewMs: number[];
  firstContentfulPaintMs: number[];
  bundles: Record<'dashboard' | 'explorer', { bytes: number; gzipBytes: number }>;
}

const PUBLIC = join(ROOT, 'gateway', 'dist', 'public');
const bundle = (file: string) => {
  const bytes = readFileSync(join(PUBLIC, file));
  return { bytes: bytes.length, gzipBytes: gzipSync(bytes).length };
};

/**
 * Loads the national dashboard `loads` times in Debian's Chromium, each in a fresh browser context
 * (nothing cached: the scripts are downloaded and parsed every time), from a gateway already warm.
 */
export async function measurePages(origin: string, loads = 7): Promise<PageFigures> {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  const nationalViewMs: number[] = [];
  const firstContentfulPaintMs: number[] = [];
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
  } finally {
    await browser.close();
  }
  return { nationalViewMs, firstContentfulPaintMs, bundles: { dashboard: bundle('dashboard/dashboard.js'), explorer: bundle('explorer/explorer.js') } };
}

export const pageSummary = (p: PageFigures) => [
  `- The national dashboard in Chromium, warm gateway, nothing cached in the browser: the 12 regions on screen ${median(p.nationalViewMs)} ms after navigation (median of ${p.nationalViewMs.join(', ')}; target under 1,000 ms), first contentful paint ${median(p.firstContentfulPaintMs)} ms.`,
  `- Scripts: the dashboard's ${(p.bundles.dashboard.bytes / 1024).toFixed(0)} KB (${(p.bundles.dashboard.gzipBytes / 1024).toFixed(0)} KB gzipped), the explorer's ${(p.bundles.explorer.bytes / 1024).toFixed(0)} KB (${(p.bundles.explorer.gzipBytes / 1024).toFixed(0)} KB gzipped), bundled separately.`,
];
