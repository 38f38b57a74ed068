import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { freePort } from '../../test/ports';
import { launchBrowser, openView, screenshot, useToken, watch } from '../../test/browser';
import { startGateway, type ExtraGateway } from '../../test/gateway';
import { gql, ok, token, url } from '../../test/support';

const GATEWAY = url('gateway', '');
const MASKED_CIN = /^[A-Z]{1,2}\d{2}\*{4,}$/;

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

/** A page in a browser whose language is French (the one these tests read); the Arabic and English pages have their own tests. */
async function open(path: string, origin = GATEWAY): Promise<{ page: Page; seen: ReturnType<typeof watch> }> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, locale: 'fr-FR' });
  const page = await context.newPage();
  const seen = watch(page, origin);
  await page.goto(`${origin}${path}`);
  return { page, seen };
}

const digits = (text: string | null) => Number((text ?? '').replace(/\D/g, ''));

describe('the explorer at GET /', () => {
  it('is GraphiQL served by the gateway, with the schema, saved operations and a token box', async () => {
    const { page, seen } = await open('/');
    const introspection = page.waitForResponse((r) => r.url().endsWith('/graphql') && (r.request().postData() ?? '').includes('IntrospectionQuery'));
    await page.waitForSelector('.graphiql-container');
    expect(await (await introspection).text()).toContain('"AutoEntrepreneur"');

    await page.click('button[data-example="Tranche régionale"]');
    await page.fill('#moukawil-token', token('REGIONAL_MA09'));
    await page.click('text=Utiliser ce jeton');
    const answer = page.waitForResponse((r) => r.url().endsWith('/graphql') && (r.request().postData() ?? '').includes('RegionalSlice'));
    await page.click('.graphiql-execute-button');
    const response = await answer;
    expect(response.request().headers().authorization).toBe(`Bearer ${token('REGIONAL_MA09')}`);
    const body = await response.json();
    expect(body.errors).toBeUndefined();
    expect(body.data.region.name).toBe('Souss-Massa');
    expect(body.data.autoEntrepreneurs.edges.length).toBeGreaterThan(0);
    for (const { node } of body.data.autoEntrepreneurs.edges) expect(node.nationalId).toMatch(MASKED_CIN);
    await page.waitForFunction(() => document.querySelector('.graphiql-response')?.textContent?.includes('Souss-Massa'));
    await screenshot(page, 'explorer');

    expect(seen.outside).toEqual([]);
    expect(seen.errors).toEqual([]);
    await page.context().close();
  });
  it("sends a partner's API key as such from the token box", async () => {
    const issued = await gql(`mutation { issueApiKey(input: { name: "Explorer test", owner: "Partner developer", scopes: [GRAPHQL] }) { key } }`, {
      as: 'NATIONAL',
    });
    const key: string = issued.data.issueApiKey.key;
    const { page } = await open('/');
    await page.waitForSelector('.graphiql-container');
    await page.click('button[data-example="Tranche régionale"]');
    await page.fill('#moukawil-token', key);
    await page.click('text=Utiliser ce jeton');
    const answer = page.waitForResponse((r) => r.url().endsWith('/graphql') && (r.request().postData() ?? '').includes('RegionalSlice'));
    await page.click('.graphiql-execute-button');
    const response = await answer;
    expect(response.request().headers().authorization).toBe(`ApiKey ${key}`);
    const body = await response.json();
    // The key is accepted (no 401) and reads what a partner reads: the region's people are refused.
    expect(response.status()).toBe(200);
    expect(body.errors.map((e: { extensions: { code: string } }) => e.extensions.code)).toEqual(['FORBIDDEN']);
    expect(body.errors[0].path).toEqual(['autoEntrepreneurs']);
    await page.context().close();
  });
});

describe('the dashboard at GET /dashboard', () => {
  it("shows the national views to anyone: the 12 regions with their progress, the register's charts, the scorecard", async () => {
    const { page, seen } = await open('/dashboard');
    await page.waitForSelector('[data-testid="regions-table"]');
    expect(await page.locator('[data-testid="regions-table"] tbody tr').count()).toBe(12);
    // Fès-Meknès has the convention's 2019 target: its progress carries a status colour.
    expect(await page.locator('tr[data-region="MA-03"] .status').count()).toBe(1);
    // No suite writes to MA-07: the page shows exactly what the graph says.
    const api = ok(await gql(`{ region(code: "MA-07") { registrationStats { registered } } }`)).region.registrationStats.registered;
    expect(digits(await page.locator('tr[data-region="MA-07"] td').nth(4).textContent())).toBe(api);
    expect(await page.textContent('th:has-text("Inscrits")')).toBeTruthy();
    await page.selectOption('select[name="language"]', 'en');
    await page.waitForSelector('th:has-text("Registered")');
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    // The register: registered by region, by year with strike-offs, women's share, turnover and tax, by segment, by category.
    await openView(page, 'register');
    await page.waitForSelector('figure[data-figure="categories"] canvas');
    expect(await page.locator('figure[data-figure] canvas').count()).toBe(6);
    expect(await page.locator('[data-testid="people-hidden"]').count()).toBe(1);
    await openView(page, 'indicators');
    await page.waitForSelector('table.scorecard tr[data-indicator="AE_REGISTRATIONS"]');
    // What a visitor cannot use is not offered: no administration, no advisor's work.
    expect(await page.locator('nav.views a[data-view]').evaluateAll((links) => links.map((a) => a.getAttribute('data-view')))).toEqual([
      'overview',
      'register',
      'programmes',
      'events',
      'indicators',
      'exports',
    ]);

    expect(seen.outside).toEqual([]);
    expect(seen.errors).toEqual([]);
    await page.context().close();
  });

  it("takes a regional council to its own region, CINs masked, and never shows another region's people", async () => {
    const { page, seen } = await open('/dashboard');
    await useToken(page, token('REGIONAL_MA09'));
    await page.waitForURL('**/dashboard/MA-09');
    expect(await page.textContent('[data-testid="role"]')).toContain('REGIONAL · MA-09');
    await page.waitForSelector('[data-testid="standing"] li');
    await openView(page, 'register');
    await page.waitForSelector('[data-testid="people"] tbody tr');
    const cins = await page.locator('[data-testid="people"] tbody tr td:nth-child(2)').allTextContents();
    expect(cins.length).toBeGreaterThan(0);
    for (const cin of cins) expect(cin).toMatch(MASKED_CIN);
    await openView(page, 'programmes');
    await page.waitForSelector('[data-testid="programmes"] tbody tr');
    await openView(page, 'indicators');
    await page.waitForSelector('table.scorecard tbody tr');

    const others = ok(await gql(`{ autoEntrepreneurs(region: "MA-03", first: 10) { edges { node { fullName nationalId } } } }`, { as: 'NATIONAL' }))
      .autoEntrepreneurs.edges;
    await page.goto(`${GATEWAY}/dashboard/MA-03/register`);
    await page.waitForSelector('[data-testid="people-hidden"]');
    expect(await page.locator('[data-testid="people"]').count()).toBe(0);
    const text = await page.textContent('body');
    for (const { node } of others) {
      expect(text).not.toContain(node.fullName);
      expect(text).not.toContain(node.nationalId);
    }
    // A deep link to one of them says why it is closed; so does one to the national administration.
    const someone = ok(await gql(`{ autoEntrepreneurs(region: "MA-03", first: 1) { edges { node { id } } } }`, { as: 'NATIONAL' })).autoEntrepreneurs.edges[0]
      .node.id;
    await page.goto(`${GATEWAY}/dashboard/MA-03/register/${someone}`);
    expect(await page.getAttribute('[data-testid="refused"]', 'data-refusal')).toBe('onlyPeople');
    expect(await page.textContent('[data-testid="refused"]')).toContain('REGIONAL · MA-09');
    await page.goto(`${GATEWAY}/dashboard/admin`);
    expect(await page.getAttribute('[data-testid="refused"]', 'data-refusal')).toBe('onlyNational');
    expect(await page.locator('nav.views a[data-view="admin"]').count()).toBe(0);
    expect(seen.outside).toEqual([]);
    expect(seen.errors).toEqual([]);
    await page.context().close();
  });

  it('shows the national office full CINs of any region', async () => {
    const { page } = await open('/dashboard/MA-09/register');
    await useToken(page, token('NATIONAL'));
    await page.waitForSelector('[data-testid="people"] tbody tr');
    const cins = await page.locator('[data-testid="people"] tbody tr td:nth-child(2)').allTextContents();
    for (const cin of cins) expect(cin).toMatch(/^[A-Z]{1,2}\d{5,6}$/);
    await page.context().close();
  });

  describe('with the programs subgraph down', () => {
    let degraded: ExtraGateway;
    beforeAll(async () => {
      degraded = await startGateway(await freePort(), { PROGRAMS_URL: `http://127.0.0.1:${await freePort()}/graphql` });
    });
    afterAll(() => degraded?.stop());

    it('shows a partial page with a notice, not a blank one', async () => {
      const { page, seen } = await open('/dashboard/MA-09', degraded.origin);
      await page.waitForSelector('[data-testid="partial-notice"]');
      expect(await page.textContent('[data-testid="partial-notice"]')).toContain('programs subgraph is unavailable');
      expect(digits(await page.textContent('[data-testid="region-registered"]'))).toBeGreaterThan(0);
      await screenshot(page, 'dashboard-partial');
      await openView(page, 'register');
      await page.waitForSelector('canvas[aria-label="Demandes, inscriptions et radiations par année"]'); // the registry's timeline
      await openView(page, 'programmes');
      await page.waitForSelector('[data-testid="partial-notice"]');
      expect(await page.locator('[data-testid="programmes"]').count()).toBe(0);
      expect(seen.errors).toEqual([]);
      await page.context().close();
    });
  });
});

/**
 * Recording from the browser. The council of Souss-Massa writes its events and workshops in its
 * own region (MA-09, an open region of test/regions.ts: no other suite counts events there).
 */
describe('data entry and exports in the dashboard', () => {
  const THIS_YEAR = new Date().getUTCFullYear();
  const actualCell = (page: Page, indicator: string) => page.locator(`table.scorecard tr[data-indicator="${indicator}"] td:nth-child(4)`);

  /** The council's scorecard of this year (its indicators view), where a recorded event or workshop counts. */
  async function councilPage(view = 'indicators') {
    const opened = await open(`/dashboard/MA-09/${view}`);
    await useToken(opened.page, token('REGIONAL_MA09'));
    await opened.page.selectOption('select[name="year"]', String(THIS_YEAR));
    if (view === 'indicators') await opened.page.waitForSelector('table.scorecard tr[data-indicator="AWARENESS_EVENTS"]');
    return opened;
  }
  /** Back on the scorecard, waits until an indicator's actual is the one expected. */
  async function actualBecomes(page: Page, indicator: string, expected: number) {
    await openView(page, 'indicators');
    await page.waitForFunction(([selector, value]) => Number((document.querySelector(selector as string)?.textContent ?? '').replace(/\D/g, '')) === value, [
      `table.scorecard tr[data-indicator="${indicator}"] td:nth-child(4)`,
      expected,
    ] as const);
  }

  it('lets a council record an awareness event and see its scorecard move, and shows a refusal clearly', async () => {
    const { page, seen } = await councilPage();
    const before = digits(await actualCell(page, 'AWARENESS_EVENTS').textContent());
    await openView(page, 'events');
    const form = page.locator('[data-testid="event-form"]');
    await form.locator('input[name="title"]').fill('Journée de sensibilisation — Taroudant');
    await form.locator('input[name="place"]').fill('Taroudant, Chambre de commerce');
    await form.locator('input[name="women"]').fill('-3');
    await form.locator('button[type="submit"]').click();
    await expect(form.locator('[role="alert"]').getAttribute('data-field')).resolves.toBe('women');
    await form.locator('input[name="women"]').fill('18');
    await form.locator('input[name="men"]').fill('22');
    await form.locator('button[type="submit"]').click();
    await form.locator('[role="status"]').waitFor();
    await page.waitForSelector('[data-testid="events"] td:text-is("Journée de sensibilisation — Taroudant")');
    await actualBecomes(page, 'AWARENESS_EVENTS', before + 1);
    expect(seen.errors).toEqual([]);
    await page.context().close();
  });

  it('lets a council record a training workshop with the advisors it trained', async () => {
    const { page, seen } = await councilPage();
    const before = digits(await actualCell(page, 'WORKSHOPS').textContent());
    await openView(page, 'events');
    const form = page.locator('[data-testid="workshop-form"]');
    await form.locator('input[name="place"]').fill('Agadir, CRI Souss-Massa');
    await form.locator('input[name="trainer"]').fill('Maroc PME, direction régionale');
    await form.locator('input[name="advisor"]').first().check();
    await form.locator('button[type="submit"]').click();
    await form.locator('[role="status"]').waitFor();
    await actualBecomes(page, 'WORKSHOPS', before + 1);
    expect(seen.errors).toEqual([]);
    await page.context().close();
  });

  it("downloads the council's people as the CSV export, masked as on the page", async () => {
    const { page, seen } = await councilPage('exports');
    const download = page.waitForEvent('download');
    await page.click('button[data-export="people"]');
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^people-MA-09-\d{4}-\d{2}-\d{2}\.csv$/);
    const bytes = readFileSync((await file.path())!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).split('\n');
    expect(lines[0]).toMatch(/^rnae,status,full_name,national_id/);
    expect(lines[1].split(',')[3]).toMatch(MASKED_CIN);
    expect(seen.outside).toEqual([]);
    await page.context().close();
  });

  it('lets the national office import a file of applications from its administration', async () => {
    const { page, seen } = await open('/dashboard/admin');
    await useToken(page, token('NATIONAL'));
    const form = page.locator('[data-testid="import-form"]');
    await form.waitFor();
    const cin = `ZW${Date.now().toString().slice(-6)}`;
    const csv = `fullName,nationalId,gender,birthDate,region,activityCode\nKhadija Web,${cin},FEMALE,1990-02-03,MA-09,C-03\nSans Date,ZW000001,FEMALE,,MA-09,C-03\n`;
    await form.locator('input[type="file"]').setInputFiles({ name: 'demandes.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await form.locator('button[type="submit"]').click();
    await form.locator('[data-testid="import-summary"]').waitFor();
    expect(await form.locator('[data-testid="import-summary"]').textContent()).toBe('2 lignes : 1 importées, 0 déjà importées, 1 refusées.');
    expect(await form.locator('[data-testid="import-rejects"] td').first().textContent()).toBe('3');
    const filed = ok(await gql(`{ autoEntrepreneurs(search: "${cin}", first: 5) { edges { node { status } } } }`, { as: 'NATIONAL' }));
    expect(filed.autoEntrepreneurs.edges.map((e: any) => e.node.status)).toEqual(['SUBMITTED']);
    expect(seen.errors).toEqual([]);
    await page.context().close();
  });

  it('lets the national office create a programme', async () => {
    const { page, seen } = await open('/dashboard/programmes');
    await useToken(page, token('NATIONAL'));
    const form = page.locator('[data-testid="programme-form"]');
    await form.waitFor();
    const code = `WEB-${Date.now().toString(36).toUpperCase()}`;
    for (const [name, value] of [
      ['code', code],
      ['name', 'Accompagnement numérique des artisans'],
      ['description', 'Ateliers et suivi pour la vente en ligne.'],
      ['eligibility', 'Artisans auto-entrepreneurs immatriculés'],
      ['source', 'Décision du comité (test)'],
    ])
      await form.locator(`input[name="${name}"]`).fill(value);
    await form.locator('input[name="region"][value="MA-09"]').check();
    await form.locator('button[type="submit"]').click();
    await form.locator('[role="status"]').waitFor();
    expect(ok(await gql(`{ programme(code: "${code}") { regions { code } } }`)).programme.regions).toEqual([{ code: 'MA-09' }]);
    expect(seen.errors).toEqual([]);
    await page.context().close();
  });
});
