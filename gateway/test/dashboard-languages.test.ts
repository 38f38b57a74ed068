import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openView, screenshot, watch } from '../../test/browser';
import { startGateway, type ExtraGateway } from '../../test/gateway';
import { freePort } from '../../test/ports';
import { gql, ok, sqlOn, url } from '../../test/support';

/** The dashboard in Arabic, French and English, and the pictures it draws from the graph. */
const GATEWAY = url('gateway', '');
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

/** A page in a browser whose languages are `locale` (what it sends as Accept-Language and shows in navigator.languages). */
async function open(path: string, locale: string, origin = GATEWAY): Promise<{ page: Page; seen: ReturnType<typeof watch>; answers: Array<Promise<any>> }> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 }, locale, acceptDownloads: true });
  const page = await context.newPage();
  const seen = watch(page, origin);
  // What the graph answered the page itself: other suites write while this one reads, so a later read may differ.
  const answers: Array<Promise<any>> = [];
  page.on('response', (response) => {
    if (new URL(response.url()).pathname === '/graphql' && response.ok()) answers.push(response.json().catch(() => null));
  });
  await page.goto(`${origin}${path}`);
  return { page, seen, answers };
}

describe('the dashboard speaks the browser’s language', () => {
  it('in Arabic, right to left, with the regions’ and provinces’ Arabic names', async () => {
    const { page, seen } = await open('/dashboard', 'ar-MA');
    await page.waitForSelector('[data-testid="regions-table"] tbody tr');
    expect([await page.getAttribute('html', 'lang'), await page.getAttribute('html', 'dir')]).toEqual(['ar', 'rtl']);
    expect(await page.textContent('h1')).toBe('لوحة القيادة — المقاولون الذاتيون');
    const names = ok(await gql(`{ regions { code nameAr } }`)).regions as Array<{ code: string; nameAr: string }>;
    for (const { code, nameAr } of names) expect(await page.textContent(`tr[data-region="${code}"] a`)).toBe(nameAr);
    // The table reads right to left: its first column is on the right.
    const [first, second] = await page
      .locator('[data-testid="regions-table"] thead th')
      .evaluateAll((cells) => cells.slice(0, 2).map((c) => c.getBoundingClientRect().left));
    expect(first).toBeGreaterThan(second);
    // Indicators in Arabic too, from the catalogue.
    await openView(page, 'indicators');
    expect(await page.textContent('table.scorecard tr[data-indicator="AE_REGISTRATIONS"] td')).toBe('التسجيلات في السجل الوطني للمقاول الذاتي');

    await openView(page, 'overview');
    await page.click('tr[data-region="MA-09"] a');
    await page.waitForSelector('[data-testid="provinces"] li');
    expect(await page.textContent('main h2')).toContain('سوس-ماسة');
    expect(await page.textContent('[data-testid="standing"] li[data-indicator="AE_REGISTRATIONS"]')).toContain('التسجيلات في السجل الوطني للمقاول الذاتي');
    const provinces = await page.locator('[data-testid="provinces"] li').allTextContents();
    expect(provinces).toHaveLength(6);
    expect(provinces[0]).toContain('أكادير إداوتنان');
    expect(provinces.join(' ')).toContain('عمالة');
    expect(seen.errors).toEqual([]);
    await page.context().close();
  });

  it('in French or English by the browser, and remembers the language chosen', async () => {
    const { page } = await open('/dashboard', 'en-GB');
    await page.waitForSelector('th:has-text("Registered")');
    expect(await page.getAttribute('html', 'dir')).toBe('ltr');
    await page.selectOption('select[name="language"]', 'ar');
    await page.waitForSelector('th:has-text("المسجلون")');
    expect(await page.getAttribute('html', 'dir')).toBe('rtl');
    await page.reload();
    await page.waitForSelector('[data-testid="regions-table"] tbody tr');
    expect([await page.getAttribute('html', 'lang'), await page.inputValue('select[name="language"]')]).toEqual(['ar', 'ar']);
    // The explorer shares the choice: its help pane turns, GraphiQL's editors stay left to right.
    await page.goto(`${GATEWAY}/`);
    await page.waitForSelector('.moukawil-examples[dir="rtl"]');
    expect(await page.textContent('.moukawil-examples .graphiql-doc-explorer-title')).toBe('أمثلة');
    expect(await page.getAttribute('html', 'dir')).not.toBe('rtl');
    await page.context().close();

    const french = await open('/dashboard', 'fr-FR');
    await french.page.waitForSelector('th:has-text("Inscrits")');
    expect(await french.page.getAttribute('html', 'lang')).toBe('fr');
    await french.page.context().close();
  });
});

describe('the pictures', () => {
  /** A figure's table, as a screen reader reads it. */
  const tableOf = async (page: Page, figure: string) => {
    await page.click(`figure[data-figure="${figure}"] summary`);
    return page
      .locator(`figure[data-figure="${figure}"] table tbody tr`)
      .evaluateAll((rows) => rows.map((row) => [...row.querySelectorAll('th, td')].map((cell) => cell.textContent)));
  };

  it('of the nation: every region, the years with their strike-offs, women, turnover and tax, segments and categories', async () => {
    const { page, seen, answers } = await open('/dashboard/register', 'fr-FR');
    await page.waitForSelector('figure[data-figure="categories"] canvas');
    for (const figure of ['regions', 'registrations', 'women', 'turnover', 'segments', 'categories']) {
      const canvas = page.locator(`figure[data-figure="${figure}"] canvas`);
      expect([figure, (await canvas.boundingBox())!.height > 50]).toEqual([figure, true]);
    }
    const timelines = (await Promise.all(answers)).filter((a) => a?.data?.registrationsByYear);
    expect(timelines).toHaveLength(1);
    const years = timelines[0].data.registrationsByYear as Array<{ year: number; registered: number; struckOff: number }>;
    const rows = await tableOf(page, 'registrations');
    expect(rows).toHaveLength(years.length);
    expect(rows.map((r) => [Number(r[0]), Number(r[2]!.replace(/\D/g, '')), Number(r[3]!.replace(/\D/g, ''))])).toEqual(
      years.map((y) => [y.year, y.registered, y.struckOff]),
    );
    expect(years.some((y) => y.struckOff > 0)).toBe(true);
    expect(await tableOf(page, 'categories')).toHaveLength(4);
    expect((await tableOf(page, 'segments')).map((r) => r[0])).toContain('Étudiants');

    // The same figures as a CSV file.
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('figure[data-figure="registrations"] button.csv')]);
    const csv = readFileSync(await download.path()).toString('utf8');
    expect(download.suggestedFilename()).toBe('registrations.csv');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const lines = csv.slice(1).trim().split('\n');
    expect(lines[0]).toBe('Année,Demandes,Inscrits,Radiations');
    expect(lines).toHaveLength(years.length + 1);
    expect(
      lines
        .slice(1)
        .map((l) => l.split(',').map(Number))
        .map(([year, , registered, struckOff]) => [year, registered, struckOff]),
    ).toEqual(years.map((y) => [y.year, y.registered, y.struckOff]));
    expect(seen.errors).toEqual([]);
    await page.context().close();
  });

  it("of a region: its conventions' commitments with their progress", async () => {
    const { page, seen } = await open('/dashboard/MA-03/indicators', 'fr-FR');
    await page.waitForSelector('figure[data-figure="commitments"] canvas');
    const commitments = ok(
      await gql(`{ region(code: "MA-03") { conventions { commitments { label target { status { progress } } } } } }`),
    ).region.conventions.flatMap((c: { commitments: unknown[] }) => c.commitments) as Array<{ label: string; target: { status: { progress: number | null } } }>;
    expect(commitments.length).toBeGreaterThan(3);
    const rows = await tableOf(page, 'commitments');
    expect(rows.map((r) => r[1])).toEqual(commitments.map((c) => c.label));
    expect(rows.map((r) => r[4])).toEqual(commitments.map((c) => (c.target.status.progress === null ? '—' : expect.stringMatching(/^\d/))));
    await screenshot(page, 'dashboard-region-charts');
    expect(seen.errors).toEqual([]);
    await page.context().close();
  });

  it('of an indicator: its daily snapshots against its target', async () => {
    // Two days of snapshots of the indicator the page shows first, in l'Oriental for 2018 (an open region: no other suite snapshots those).
    const statuses = ok(await gql(`{ region(code: "MA-03") { scorecardFor(year: 2018) { statuses { indicatorCode fromYear toYear target } } } }`)).region
      .scorecardFor.statuses as Array<{ indicatorCode: string; fromYear: number; toYear: number; target: number | null }>;
    const shown = statuses.find((s) => s.target !== null) ?? statuses[0];
    for (const [day, actual] of [
      ['2026-01-05', 120],
      ['2026-01-06', 135],
    ] as const)
      await sqlOn(
        'indicators',
        `INSERT INTO indicator_snapshot (day, indicator_code, scope, from_year, to_year, target, actual) VALUES ($1, $2, 'MA-03', $3, $4, $5, $6) ON CONFLICT DO NOTHING`,
        [day, shown.indicatorCode, shown.fromYear, shown.toYear, shown.target, actual],
      );
    const { page, seen } = await open('/dashboard/MA-03/indicators', 'fr-FR');
    await page.selectOption('select[name="year"]', '2018');
    await page.waitForSelector('figure[data-figure="history"] canvas');
    expect(await tableOf(page, 'history')).toEqual([
      ['2026-01-05', expect.any(String), '120'],
      ['2026-01-06', expect.any(String), '135'],
    ]);
    expect(seen.errors).toEqual([]);
    await page.context().close();
  });

  describe('with the registry down', () => {
    let degraded: ExtraGateway;
    beforeAll(async () => {
      degraded = await startGateway(await freePort(), { REGISTRY_URL: `http://127.0.0.1:${await freePort()}/graphql` });
    });
    afterAll(() => degraded?.stop());

    it("shows the others' pictures and a notice for the register's", async () => {
      const { page, seen } = await open('/dashboard/MA-03/indicators', 'fr-FR', degraded.origin);
      await page.waitForSelector('[data-testid="partial-notice"]');
      expect(await page.textContent('[data-testid="partial-notice"]')).toContain('registry subgraph is unavailable');
      await page.waitForSelector('figure[data-figure="commitments"] canvas');
      await openView(page, 'programmes');
      await page.waitForSelector('figure[data-figure="beneficiaries"] canvas');
      await openView(page, 'register');
      await page.waitForSelector('[data-testid="partial-notice"]');
      expect(await page.textContent('[data-testid="partial-notice"]')).toContain('registry subgraph is unavailable');
      for (const figure of ['registrations', 'women', 'turnover', 'segments', 'categories'])
        expect(await page.locator(`figure[data-figure="${figure}"]`).count()).toBe(0);
      expect(seen.errors).toEqual([]);
      await page.context().close();
    });
  });
});
