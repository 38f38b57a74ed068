import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, screenshot, useToken } from '../../test/browser';
import { gql, ok, token, url, type TokenName } from '../../test/support';

/**
 * Every view of the dashboard, as the role that uses it, on a phone (360 × 740, touch) and on a
 * laptop (1366 × 768), in Arabic, French and English: no view scrolls sideways (a wide table
 * scrolls inside its own box), nothing sits off-screen in either direction, axe finds no serious
 * or critical violation, and the overviews fit the laptop's screen.
 */
const GATEWAY = url('gateway', '');
const SIZES = {
  phone: { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 },
  laptop: { viewport: { width: 1366, height: 768 } },
} as const;
const LOCALES = ['ar-MA', 'fr-MA', 'en-GB'] as const;
/**
 * Where axe runs: on a phone in Arabic (right to left) and French, on a laptop in Arabic. English
 * is laid out as French, with the same elements; the laptop's French differs from its Arabic in
 * direction only, which the Arabic run covers: what axe checks does not change with the words.
 */
const AXE = { phone: new Set<string>(['ar-MA', 'fr-MA']), laptop: new Set<string>(['ar-MA']) } as const;

let browser: Browser;
let person: string;
beforeAll(async () => {
  browser = await launchBrowser();
  person = ok(await gql(`{ autoEntrepreneurs(region: "MA-09", status: REGISTERED, first: 1) { edges { node { id } } } }`, { as: 'NATIONAL' })).autoEntrepreneurs
    .edges[0].node.id;
});
afterAll(() => browser?.close());

/** Each role's views: the address, and what shows once its data is in. */
const TOURS: Array<{ as: TokenName; views: Array<[string, string]> }> = [
  {
    as: 'NATIONAL',
    views: [
      ['/dashboard', '[data-testid="regions-table"] tbody tr'],
      ['/dashboard/register', 'figure[data-figure="categories"] canvas'],
      ['/dashboard/programmes', '[data-testid="programmes"] tbody tr'],
      ['/dashboard/events', '[data-testid="events"] tbody tr'],
      ['/dashboard/indicators', '[data-testid="target-form"]'],
      ['/dashboard/exports', '[data-testid="exports"] button'],
      ['/dashboard/admin', '[data-testid="api-keys"]'],
    ],
  },
  {
    as: 'REGIONAL_MA09',
    views: [
      ['/dashboard/MA-09', '[data-testid="standing"] li'],
      ['/dashboard/MA-09/register', '[data-testid="people"] tbody tr'],
      ['/dashboard/MA-09/register/:person', '[data-testid="person"] dl'],
      ['/dashboard/MA-09/programmes', '[data-testid="advisors"] li'],
      ['/dashboard/MA-09/events', '[data-testid="events"] tbody tr'],
      ['/dashboard/MA-09/indicators', '[data-testid="target-form"]'],
      ['/dashboard/MA-09/exports', 'button[data-export="people"]'],
    ],
  },
  { as: 'ADVISOR_OF_NETWORK_MA09', views: [['/dashboard/MA-09/advisor', '[data-testid="beneficiaries"] li']] },
];
const OVERVIEWS = ['/dashboard', '/dashboard/MA-09'];

/** What reaches past the screen's edges: the page's own sideways scroll, and the elements outside a scrolling box that stick out. */
function outside(page: Page): Promise<{ scroll: number; out: string[] }> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const scrolls = (el: Element | null): boolean => {
      for (let at = el; at && at !== document.body; at = at.parentElement) {
        const style = getComputedStyle(at);
        if (['auto', 'scroll', 'hidden'].includes(style.overflowX) && at.scrollWidth > at.clientWidth) return true;
      }
      return false;
    };
    const out = [...document.querySelectorAll('main *, header *, nav *')]
      .filter((el) => {
        const box = el.getBoundingClientRect();
        return box.width > 0 && (box.left < -1 || box.right > width + 1) && !scrolls(el.parentElement) && !el.closest('.visually-hidden');
      })
      .slice(0, 5)
      .map((el) => `${el.tagName.toLowerCase()}${el.className ? `.${String(el.className).split(' ')[0]}` : ''}`);
    return { scroll: document.documentElement.scrollWidth - width, out };
  });
}

/** axe's serious and critical findings, on the whole page or only inside `within` (the bar and navigation are the same on every view). */
async function serious(page: Page, within: string | null): Promise<string[]> {
  const builder = new AxeBuilder({ page: page as never });
  const { violations } = await (within ? builder.include(within) : builder).analyze();
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes[0]?.target.join(' ')}`);
}

// One test per size, language and role: each a few views long, so that a loaded machine slows a test, not past its time.
describe.each(Object.keys(SIZES) as Array<keyof typeof SIZES>)('every view of the dashboard on a %s', (size) => {
  describe.each(LOCALES)('in %s', (locale) => {
    it.each(TOURS.map((tour) => [tour.as, tour] as const))(
      'as %s, fits the screen, passes axe, and its overviews fit one screen on a laptop',
      async (_as, tour) => {
        const found: string[] = [];
        const context = await browser.newContext({ ...SIZES[size], locale });
        const page = await context.newPage();
        await page.goto(`${GATEWAY}/dashboard/exports`);
        await useToken(page, token(tour.as));
        await page.waitForSelector(`[data-testid="role"] strong:text-matches("^${tour.as.split('_')[0]}")`);
        for (const [index, [path, ready]] of tour.views.entries()) {
          const address = path.replace(':person', person);
          // Every view is reached inside the app, as a user moves in it (it routes by the history).
          await page.evaluate((to) => history.pushState(null, '', to), address);
          await page.waitForSelector(ready);
          const fit = await outside(page);
          if (fit.scroll !== 0 || fit.out.length > 0) found.push(`${path}: ${fit.scroll}px sideways, ${fit.out.join(' ')}`);
          if (AXE[size].has(locale)) for (const violation of await serious(page, index === 0 ? null : 'main')) found.push(`${path}: ${violation}`);
          if (size === 'laptop' && OVERVIEWS.includes(path)) {
            const height = await page.evaluate(() => document.documentElement.scrollHeight);
            if (height > SIZES.laptop.viewport.height) found.push(`${path}: ${height}px high`);
          }
          const shot = `${size}-${locale.slice(0, 2)}-${tour.as.toLowerCase()}${path.replace('/dashboard', '').replace(/\W+/g, '-')}`;
          if (SCREENSHOTS.has(shot)) await screenshot(page, SCREENSHOTS.get(shot)!, size === 'phone' ? 'screen' : 'page');
        }
        await context.close();
        expect(found).toEqual([]);
      },
    );
  });
});

/** The README's pictures of the signed-in app, taken on the way (UPDATE_SCREENSHOTS=1 writes them to docs/screenshots). */
const SCREENSHOTS = new Map([
  ['phone-ar-national', 'phone-national-ar'],
  ['phone-ar-regional_ma09-MA-09', 'phone-council-ar'],
  ['phone-fr-advisor_of_network_ma09-MA-09-advisor', 'phone-advisor-fr'],
  ['laptop-fr-regional_ma09-MA-09-register', 'laptop-council-register-fr'],
  ['laptop-ar-national', 'laptop-national-ar'],
]);
