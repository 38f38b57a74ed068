import { ownStack } from '../../test/stack';
import { STILL } from '../../test/regions';
import { codes, councilOf, gql, ok, url } from '../../test/support';

const DASHBOARD = `query Dashboard($year: Int!) {
  regions {
    code name isPilot
    provinces { code }
    registrationStats(year: $year) { applications registered womenShare turnover }
    programmes { code kind }
    scorecardFor(year: $year) { statuses { indicator { code } target actual progress status } }
  }
  scorecards(year: $year, scopes: ["MA"]) { scope statuses { indicator { code } region { code } target actual status } }
}`;

describe('the composed graph through the gateway', () => {
  it('answers one query that joins all four subgraphs for the 12 regions', async () => {
    const data = ok(await gql(DASHBOARD, { variables: { year: 2019 } }));
    expect(data.regions.map((r: any) => r.code)).toEqual([
      'MA-01',
      'MA-02',
      'MA-03',
      'MA-04',
      'MA-05',
      'MA-06',
      'MA-07',
      'MA-08',
      'MA-09',
      'MA-10',
      'MA-11',
      'MA-12',
    ]);
    const fm = data.regions.find((r: any) => r.code === 'MA-03');
    expect(fm.provinces).toHaveLength(9); // regions
    expect(fm.registrationStats.registered).toBeGreaterThan(0); // registry
    expect(fm.programmes.map((p: any) => p.code)).toEqual(expect.arrayContaining(['FM-TPME-RURAL', 'FM-PROJECT-HOLDERS', 'FM-POST-CREATION'])); // programs
    const registrations = fm.scorecardFor.statuses.find((s: any) => s.indicator.code === 'AE_REGISTRATIONS'); // indicators + registry via @requires
    expect(registrations.target).toBe(500);
    expect(registrations.actual).toBe(fm.registrationStats.registered);
    expect(registrations.progress).toBeCloseTo(fm.registrationStats.registered / 500);
    expect(registrations.status).toBe(fm.registrationStats.registered >= 500 ? 'ACHIEVED' : 'MISSED'); // 2019 is over: reached or not
  });

  it('answers the dashboard in as many SQL statements for 12 regions as for one, and none once its figures are kept', async () => {
    // A stack of this test's own: other suites' writes would make its figures be computed again meanwhile.
    const own = await ownStack('nplusone_');
    try {
      const fields = `code name provinces { code } registrationStats(year: $year) { registered } programmes { code }
        scorecardFor(year: $year) { statuses { indicator { code } target actual status } }`;
      const counts = async (query: string, year: number) => {
        const run = await gql(query, { variables: { year }, traceSql: true, origin: own.origin });
        return ok(run) && (run.extensions!.sqlStatements as Record<string, number>);
      };
      // One region first, for a year nothing has asked yet (its figures, and the reference tables, are read)...
      const one = await counts(`query($year: Int!) { region(code: "MA-03") { ${fields} } }`, 2016);
      // ...then the 12 regions for another year (no target covers either, so each scorecard measures
      // one period): they cost no more (no N+1), whatever the data.
      const all = await counts(`query($year: Int!) { regions { ${fields} } }`, 2017);
      const costlier = ['registry', 'programs', 'indicators'].filter((subgraph) => all[subgraph] > one[subgraph]);
      expect({ costlier, all, one }).toEqual({ costlier: [], all, one });
      expect(one.total).toBeGreaterThan(0);
      expect(one.total).toBeLessThanOrEqual(20);
      // Asked again, everything comes from the figures each subgraph keeps: no SQL at all.
      expect((await counts(`query($year: Int!) { regions { ${fields} } }`, 2017)).total).toBe(0);
    } finally {
      await own.stop();
    }
  });

  it('answers the national dashboard in one call per subgraph and step: 5 where Apollo’s plan makes 8', async () => {
    const figures = 'applications registered womenShare';
    const national = `{
      regions { code registrationStats { ${figures} } programmes { code } }
      nationalStats(year: 2020) { ${figures} }
      scorecards(year: 2020) { scope statuses { indicator { code } target actual status } }
    }`;
    const run = await gql(national, { traceSql: true });
    const data = ok(run);
    // regions and the scorecards' keys; then the registry once (regions' figures, national figures,
    // the scorecards' register figures) and programs once; then the statuses.
    expect(run.extensions!.subgraphCalls).toEqual({ regions: 1, indicators: 2, registry: 1, programs: 1, total: 5 });
    expect(data.regions).toHaveLength(12);
    const registrations = data.scorecards[0].statuses.find((s: any) => s.indicator.code === 'AE_REGISTRATIONS');
    expect(data.scorecards[0].scope).toBe('MA');
    expect(registrations.actual).toBe(data.nationalStats.registered);
  });

  it('sends fetches one by one when the subgraph refuses their merged text, and remembers it', async () => {
    // 15 aliases pass the gateway's limit; merged, the registry's operation has 16 (its _entities
    // and nationalStats fields get one each): the registry refuses it, and each fetch goes alone.
    const years = Array.from({ length: 14 }, (_, i) => `y${2015 + (i % 7)}_${i}: registrationStats(year: ${2015 + (i % 7)}) { registered }`);
    const query = `{ regions { code ${years.join(' ')} } national: nationalStats { registered } }`;
    const first = await gql(query, { traceSql: true });
    expect(first.extensions!.subgraphCalls).toMatchObject({ regions: 1, registry: 3 });
    const data = ok(first);
    expect(data.regions[0].y2015_0.registered).toBe(data.regions[0].y2015_7.registered);
    expect(data.national.registered).toBeGreaterThan(0);
    const again = await gql(query, { traceSql: true });
    expect(again.extensions!.subgraphCalls).toMatchObject({ regions: 1, registry: 2 });
    expect(ok(again)).toEqual(data);
  });

  it('computes national actuals live from the register and matches nationalStats', async () => {
    const data = ok(
      await gql(`{
      nationalScorecardFor(year: 2019) { statuses { indicator { code } region { code } target actual progress status } }
      y2018: nationalStats(year: 2018) { registered }
      y2019: nationalStats(year: 2019) { registered }
    }`),
    );
    const statuses = data.nationalScorecardFor.statuses;
    const registrations = statuses.find((s: any) => s.indicator.code === 'AE_REGISTRATIONS');
    expect(registrations.region).toBeNull();
    expect(registrations.target).toBe(150_000); // National AE Committee, 2018-2019
    expect(registrations.actual).toBe(data.y2018.registered + data.y2019.registered);
    expect(registrations.status).toBe('MISSED'); // the demo population is far smaller than the register
    const unassessed = statuses.find((s: any) => s.indicator.code === 'ADVISOR_SUPPORT_QUALITY');
    expect(unassessed.actual).toBeNull(); // no assessment of 2019 nationally: unknown is null, never 0
  });

  it('answers every root field of the contract', async () => {
    const data = ok(
      await gql(`{
      regions { code } region(code: "MA-09") { name isPilot }
      nationalStats { applications registered rejected struckOff women womenShare turnover taxContribution }
      programmes { code name kind } activities { code label category }
      indicators { code } nationalScorecard(year: 2020) { indicator { code } } scorecards(year: 2020) { scope }
    }`),
    );
    expect(data.regions).toHaveLength(12);
    expect(data.region).toEqual({ name: 'Souss-Massa', isPilot: true });
    expect(data.nationalStats.applications).toBeGreaterThanOrEqual(2000); // 2,000 seeded, plus what other test files submit
    expect(data.nationalStats.registered).toBeGreaterThan(1500);
    expect(data.nationalStats.womenShare).toBeGreaterThan(0.2);
    expect(data.nationalStats.womenShare).toBeLessThan(0.4);
    expect(data.programmes.length).toBeGreaterThanOrEqual(10);
    expect(data.activities.length).toBeGreaterThanOrEqual(30);
    expect(data.indicators.length).toBeGreaterThanOrEqual(12);
    expect(data.scorecards.map((c: any) => c.scope)).toEqual(['MA', ...data.regions.map((r: any) => r.code)]);

    const people = ok(
      await gql(
        `{ autoEntrepreneurs(region: "MA-09", first: 2) { totalCount edges { cursor node { id fullName nationalId status region { code name } activity { category } enrolments { status } } } pageInfo { hasNextPage endCursor } } }`,
        { as: 'NATIONAL' },
      ),
    );
    const page = people.autoEntrepreneurs;
    expect(page.edges).toHaveLength(2);
    expect(page.pageInfo.hasNextPage).toBe(true);
    expect(page.edges[0].node.region).toEqual({ code: 'MA-09', name: 'Souss-Massa' });
    const one = ok(await gql(`query($id: ID!) { autoEntrepreneur(id: $id) { id fullName } }`, { as: 'NATIONAL', variables: { id: page.edges[0].node.id } }));
    expect(one.autoEntrepreneur).toEqual({ id: page.edges[0].node.id, fullName: page.edges[0].node.fullName });
  });

  it('pages with cursors without overlap', async () => {
    const first = ok(
      await gql(`{ autoEntrepreneurs(region: "MA-04", first: 5) { edges { node { id } } pageInfo { endCursor } totalCount } }`, { as: 'NATIONAL' }),
    );
    const next = ok(
      await gql(`query($after: String) { autoEntrepreneurs(region: "MA-04", first: 5, after: $after) { edges { node { id } } } }`, {
        as: 'NATIONAL',
        variables: { after: first.autoEntrepreneurs.pageInfo.endCursor },
      }),
    );
    const a = first.autoEntrepreneurs.edges.map((e: any) => e.node.id);
    const b = next.autoEntrepreneurs.edges.map((e: any) => e.node.id);
    expect(b).toHaveLength(5);
    expect(a.filter((id: string) => b.includes(id))).toEqual([]);
    expect(codes(await gql(`{ autoEntrepreneurs(first: 5, after: "not-a-cursor") { totalCount } }`, { as: 'NATIONAL' }))).toEqual(['BAD_USER_INPUT']);
  });

  it('resolves Enrolment.beneficiary in the registry, under its access rules', async () => {
    const national = ok(
      await gql(`{ programme(code: "PILOT-HONOUR-LOAN") { enrolments(first: 3) { status regionCode beneficiary { id fullName region { code } } } } }`, {
        as: 'NATIONAL',
      }),
    );
    const enrolments = national.programme.enrolments;
    expect(enrolments.length).toBeGreaterThan(0);
    for (const e of enrolments) expect(e.beneficiary.region.code).toBe(e.regionCode);

    const anonymous = ok(await gql(`{ programme(code: "PILOT-HONOUR-LOAN") { enrolments { beneficiary { fullName } } } }`));
    expect(anonymous.programme.enrolments).toEqual([]); // who is enrolled is personal data

    // A council sees the enrolments of its own region only, with CINs masked by the registry (a still region: test/regions.ts).
    const region = STILL[2];
    const query = `{ programmes(region: "${region}") { enrolments(first: 500) { regionCode beneficiary { nationalId } } } }`;
    const everything = ok(await gql(query, { as: 'NATIONAL' })).programmes.flatMap((p: any) => p.enrolments);
    const council = ok(await gql(query, { authorization: councilOf(region) })).programmes.flatMap((p: any) => p.enrolments);
    expect(council.length).toBeGreaterThan(0);
    expect(council).toHaveLength(everything.filter((e: any) => e.regionCode === region).length);
    for (const row of council) {
      expect(row.regionCode).toBe(region);
      expect(row.beneficiary.nationalId).toMatch(/^[A-Z]{1,2}\d{2}\*+$/);
    }
  });

  it('refuses people to anonymous and partner callers, and bad tokens', async () => {
    expect(codes(await gql(`{ autoEntrepreneurs { totalCount } }`))).toEqual(['FORBIDDEN']);
    expect(codes(await gql(`{ autoEntrepreneurs { totalCount } }`, { as: 'PARTNER' }))).toEqual(['FORBIDDEN']);
    expect(codes(await gql(`{ autoEntrepreneurs(region: "MA-03") { totalCount } }`, { as: 'REGIONAL_MA09' }))).toEqual(['FORBIDDEN']);
    const expired = await gql(`{ regions { code } }`, { as: 'EXPIRED' });
    expect(codes(expired)).toEqual(['UNAUTHENTICATED']);
    expect(expired.status).toBe(401);
    expect(codes(await gql(`{ regions { code } }`, { authorization: 'Bearer forged.token.value' }))).toEqual(['UNAUTHENTICATED']);
    // Public aggregates stay open to everyone.
    expect(ok(await gql(`{ nationalStats { registered } }`, { as: 'PARTNER' })).nationalStats.registered).toBeGreaterThan(0);
  });

  it('documents every type, field and argument for the explorer', async () => {
    const data = ok(
      await gql(`{ __schema { types { name kind description fields { name description args { name description } } inputFields { name description } } } }`),
    );
    const missing: string[] = [];
    const builtIn = new Set(['String', 'Int', 'Float', 'Boolean', 'ID']);
    for (const type of data.__schema.types) {
      if (type.name.startsWith('__') || builtIn.has(type.name)) continue;
      if (!type.description && !['Query', 'Mutation'].includes(type.name)) missing.push(type.name);
      for (const field of [...(type.fields ?? []), ...(type.inputFields ?? [])]) {
        if (!field.description) missing.push(`${type.name}.${field.name}`);
        for (const arg of field.args ?? []) if (!arg.description) missing.push(`${type.name}.${field.name}(${arg.name})`);
      }
    }
    expect(missing).toEqual([]);
  });

  it("reports its own health and each subgraph's", async () => {
    const response = await fetch(url('gateway', '/health'));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      status: 'ok',
      service: 'gateway',
      supergraph: 'loaded',
      subgraphs: { regions: 'up', registry: 'up', programs: 'up', indicators: 'up' },
    });
    for (const service of ['regions', 'registry', 'programs', 'indicators'] as const) {
      const health = await fetch(url(service, '/health'));
      expect(health.status).toBe(200);
      expect(await health.json()).toMatchObject({ status: 'ok', service, database: 'up' });
    }
  });

  it('serves the explorer page at / with its own assets only (the browser test drives it)', async () => {
    const response = await fetch(url('gateway', '/'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
    const html = await response.text();
    // Every page and asset carries the same security headers.
    for (const path of ['/', '/dashboard', '/dashboard/MA-09', '/explorer/explorer.js']) {
      const page = await fetch(url('gateway', path));
      const csp = page.headers.get('content-security-policy') ?? '';
      expect([path, ...["default-src 'self'", "base-uri 'self'", "form-action 'self'", "frame-ancestors 'none'"].map((d) => csp.includes(d))]).toEqual([
        path,
        true,
        true,
        true,
        true,
      ]);
      expect([path, page.headers.get('x-content-type-options'), page.headers.get('referrer-policy')]).toEqual([path, 'nosniff', 'no-referrer']);
    }
    expect(html).toContain('src="/explorer/explorer.js"');
    expect(html).not.toMatch(/(src|href)="https?:\/\//); // nothing from a CDN
    const script = await fetch(url('gateway', '/explorer/explorer.js'));
    expect(script.status).toBe(200);
    expect(await script.text()).toContain('Tableau de bord national'); // the saved operations are bundled
  });
});
