import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, screenshot, useToken } from '../../test/browser';
import { token, url } from '../../test/support';

/**
 * The dashboard on a phone (360 × 740, touch) in Arabic, French and English: no page scrolls
 * sideways (a wide table scrolls inside its own box), nothing sits off-screen in either direction,
 * and axe finds no serious or critical violation at that size.
 */
const GATEWAY = url('gateway', '');
const PHONE = { width: 360, height: 740 };
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

async function onPhone(locale: string): Promise<Page> {
  const context = await browser.newContext({ viewport: PHONE, locale, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
  return context.newPage();
}

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
    const out = [...document.querySelectorAll('main *, header *')]
      .filter((el) => {
        const box = el.getBoundingClientRect();
        return box.width > 0 && (box.left < -1 || box.right > width + 1) && !scrolls(el.parentElement) && !el.closest('.visually-hidden');
      })
      .slice(0, 5)
      .map((el) => `${el.tagName.toLowerCase()}${el.className ? `.${String(el.className).split(' ')[0]}` : ''}`);
    return { scroll: document.documentElement.scrollWidth - width, out };
  });
}

async function serious(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page: page as never }).analyze();
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes[0]?.target.join(' ')}`);
}

describe('the dashboard on a phone', () => {
  it.each([
    ['ar-MA', '/dashboard', '[data-testid="regions-table"] tbody tr'],
    ['fr-MA', '/dashboard', '[data-testid="regions-table"] tbody tr'],
    ['en-GB', '/dashboard', '[data-testid="regions-table"] tbody tr'],
    ['ar-MA', '/dashboard/MA-09', 'table.scorecard tr'],
    ['fr-MA', '/dashboard/MA-09', 'table.scorecard tr'],
    ['en-GB', '/dashboard/MA-09', 'table.scorecard tr'],
  ])('in %s, %s fits the screen', async (locale, path, ready) => {
    const page = await onPhone(locale);
    await page.goto(`${GATEWAY}${path}`);
    await page.waitForSelector(ready);
    expect(await outside(page)).toEqual({ scroll: 0, out: [] });
    expect(await serious(page)).toEqual([]);
    if (locale === 'ar-MA' && path === '/dashboard') await screenshot(page, 'phone-national-ar');
    await page.context().close();
  });

  it.each(['ar-MA', 'fr-MA', 'en-GB'])("in %s, a council's own region fits, with its people and its forms", async (locale) => {
    const page = await onPhone(locale);
    await page.goto(`${GATEWAY}/dashboard`);
    await useToken(page, token('REGIONAL_MA09'));
    await page.waitForSelector('[data-testid="people"] tbody tr');
    await page.waitForSelector('[data-testid="event-form"]');
    expect(await outside(page)).toEqual({ scroll: 0, out: [] });
    expect(await serious(page)).toEqual([]);
    if (locale === 'ar-MA') await screenshot(page, 'phone-council-ar');
    await page.context().close();
  });
});
