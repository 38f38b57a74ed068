import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../../test/browser';
import { url } from '../../test/support';

/** Every page through axe-core in the browser, and the dashboard by keyboard alone. */
const GATEWAY = url('gateway', '');
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

async function open(path: string, locale = 'fr-FR'): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 }, locale });
  const page = await context.newPage();
  await page.goto(`${GATEWAY}${path}`);
  return page;
}

/** The dashboard's views are checked with axe at both sizes in every language by views.test.ts; here, the explorer. */
describe('accessibility (axe-core): no serious or critical violation', () => {
  it('the explorer', async () => {
    const page = await open('/');
    await page.waitForSelector('.moukawil-examples');
    // GraphiQL's own editors are its authors' to fix; the pane and the page around them are ours.
    const { violations: found } = await new AxeBuilder({ page: page as never }).include('.moukawil-examples').analyze();
    expect(found.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
    await page.context().close();
  });
});

describe('the dashboard by keyboard', () => {
  /** Presses Tab until `selector` has the focus (at most `limit` times); the number of presses. */
  async function tabTo(page: Page, selector: string, limit = 60): Promise<number> {
    for (let presses = 1; presses <= limit; presses++) {
      await page.keyboard.press('Tab');
      if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return presses;
    }
    throw new Error(`${selector} never got the focus`);
  }

  it('reaches the language switch and a region of the table, and opens it with Enter', async () => {
    const page = await open('/dashboard');
    await page.waitForSelector('[data-testid="regions-table"] tbody tr');
    await tabTo(page, 'select[name="language"]');
    await page.keyboard.press('ArrowDown'); // Français → English, without a mouse
    await page.waitForSelector('th:has-text("Registered")');
    await tabTo(page, 'tr[data-region="MA-01"] a');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.closest('tr')?.getAttribute('data-region'))).toBe('MA-02');
    await page.keyboard.press('Enter');
    await page.waitForURL('**/dashboard/MA-02');
    await page.waitForSelector('[data-testid="provinces"] li');
    await page.context().close();
  });
});
