import { request } from 'node:http';
import { startGateway, type ExtraGateway } from '../../test/gateway';
import { freePort } from '../../test/ports';
import { gql, url } from '../../test/support';

/** Prometheus metrics at /metrics on the gateway and on every subgraph. */
async function scrape(origin: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${origin}/metrics`, { headers });
  return { status: response.status, type: response.headers.get('content-type'), text: await response.text() };
}

/** A series' name and labels in one order (prom-client writes a histogram's default label first). */
const canonical = (series: string) => {
  const [, name, labels = ''] = /^([a-z_]+)(?:\{(.*)\})?$/.exec(series) ?? [];
  return `${name}{${labels.split(',').filter(Boolean).sort().join(',')}}`;
};

/** The value of one series, 0 when absent. */
function value(text: string, series: string): number {
  const wanted = canonical(series);
  const line = text.split('\n').find((l) => l.includes(' ') && canonical(l.slice(0, l.lastIndexOf(' '))) === wanted);
  return line ? Number(line.slice(line.lastIndexOf(' ') + 1)) : 0;
}

/** A gateway of this suite's own: its counters move only with what this suite sends, so they are counted exactly. */
let own: ExtraGateway;
beforeAll(async () => {
  own = await startGateway(await freePort(), {});
});
afterAll(() => own?.stop());
const gateway = () => own.origin;

describe('metrics', () => {
  it('count requests by operation and outcome, errors by code, and subgraph fetches on the gateway', async () => {
    const before = (await scrape(gateway())).text;
    const probe = `query MetricsProbe { regions { code registrationStats { registered } } }`;
    for (let i = 0; i < 3; i++) expect((await gql(probe, { origin: gateway() })).errors).toBeUndefined();
    await gql(`query MetricsRefused { autoEntrepreneurs(first: 1) { totalCount } }`, { origin: gateway() }); // anonymous: FORBIDDEN
    const after = await scrape(gateway());
    expect(after.status).toBe(200);
    expect(after.type).toContain('text/plain');
    const moved = (series: string) => value(after.text, series) - value(before, series);
    expect(moved('moukawil_graphql_requests_total{operation="MetricsProbe",outcome="ok",service="gateway"}')).toBe(3);
    expect(moved('moukawil_graphql_requests_total{operation="MetricsRefused",outcome="FORBIDDEN",service="gateway"}')).toBe(1);
    expect(moved('moukawil_graphql_errors_total{code="FORBIDDEN",service="gateway"}')).toBe(1);
    expect(moved('moukawil_graphql_request_duration_seconds_count{operation="MetricsProbe",service="gateway"}')).toBe(3);
    // The probe needs two subgraphs: a plan, run by the gateway's own executor, once (the public
    // cache answers the two others; the refused query goes straight to the registry).
    expect(moved('moukawil_gateway_plans_total{executor="gateway",service="gateway"}')).toBe(1);
    // Two subgraphs answer the plan, a call each (regions, then registry for the figures); the refused query is one more call to the registry.
    expect(moved('moukawil_subgraph_fetches_total{subgraph="regions",outcome="2xx",service="gateway"}')).toBe(1);
    expect(moved('moukawil_subgraph_fetches_total{subgraph="registry",outcome="2xx",service="gateway"}')).toBe(2);
    expect(after.text).toContain('moukawil_process_resident_memory_bytes{service="gateway"}');
  });

  it("count the plans left to Apollo Gateway's executor: introspection beside other fields", async () => {
    const before = (await scrape(gateway())).text;
    const mixed = await gql(`{ __schema { queryType { name } } regions { code registrationStats { registered } } }`, { origin: gateway() });
    expect(mixed.errors).toBeUndefined();
    expect(mixed.data.__schema.queryType.name).toBe('Query');
    expect(mixed.data.regions).toHaveLength(12);
    const after = (await scrape(gateway())).text;
    expect(
      value(after, 'moukawil_gateway_plans_total{executor="apollo",service="gateway"}') -
        value(before, 'moukawil_gateway_plans_total{executor="apollo",service="gateway"}'),
    ).toBe(1);
  });

  it('count what each subgraph answers and show its database pool', async () => {
    const registry = url('registry', '');
    const before = (await scrape(registry)).text;
    await gql(`query SubgraphProbe { nationalStats { registered } }`, { service: 'registry' });
    const after = (await scrape(registry)).text;
    expect(
      value(after, 'moukawil_graphql_requests_total{operation="SubgraphProbe",outcome="ok",service="registry"}') -
        value(before, 'moukawil_graphql_requests_total{operation="SubgraphProbe",outcome="ok",service="registry"}'),
    ).toBe(1);
    expect(value(after, 'moukawil_db_pool_connections{state="idle",service="registry"}')).toBeGreaterThanOrEqual(1);
    expect(after).toContain('moukawil_db_pool_connections{state="waiting",service="registry"}');
  });

  it('count rate-limit refusals', async () => {
    const limited = await startGateway(await freePort(), { RATE_LIMIT_PER_MINUTE: '1', RATE_LIMIT_BURST: '1' });
    try {
      for (let i = 0; i < 3; i++) await gql(`{ regions { code } }`, { origin: limited.origin });
      expect(value((await scrape(limited.origin)).text, 'moukawil_rate_limited_total{entry="graphql",service="gateway"}')).toBe(2);
    } finally {
      await limited.stop();
    }
  });

  it('sum every worker of a gateway run with GATEWAY_WORKERS, whichever worker the scrape reaches', async () => {
    const workers = await startGateway(await freePort(), { GATEWAY_WORKERS: '2' });
    // Each call on a connection of its own, so that the cluster spreads them over the workers.
    const fresh = (path: string, body?: string) =>
      new Promise<string>((resolve, reject) => {
        const call = request(
          `${workers.origin}${path}`,
          { method: body ? 'POST' : 'GET', agent: false, headers: { 'content-type': 'application/json' } },
          (res) => {
            let text = '';
            res.on('data', (chunk) => (text += chunk));
            res.on('end', () => resolve(text));
          },
        );
        call.on('error', reject);
        call.end(body);
      });
    try {
      for (let i = 0; i < 6; i++) await fresh('/graphql', JSON.stringify({ query: 'query WorkersProbe { regions { code } }' }));
      const seen = [];
      for (let i = 0; i < 4; i++)
        seen.push(value(await fresh('/metrics'), 'moukawil_graphql_requests_total{operation="WorkersProbe",outcome="ok",service="gateway"}'));
      expect(seen).toEqual([6, 6, 6, 6]);
    } finally {
      await workers.stop();
    }
  });

  it('are not public in production: only the scraper with METRICS_TOKEN reads them', async () => {
    const production = { NODE_ENV: 'production', JWT_SECRET: 'a-production-secret-for-this-test-only' };
    const closed = await startGateway(await freePort(), production);
    const scraped = await startGateway(await freePort(), { ...production, METRICS_TOKEN: 'scraper-secret' });
    try {
      expect((await scrape(closed.origin)).status).toBe(404);
      expect((await scrape(scraped.origin)).status).toBe(401);
      expect((await scrape(scraped.origin, { authorization: 'Bearer wrong' })).status).toBe(401);
      const read = await scrape(scraped.origin, { authorization: 'Bearer scraper-secret' });
      expect(read.status).toBe(200);
      expect(read.text).toContain('moukawil_graphql_requests_total');
    } finally {
      await closed.stop();
      await scraped.stop();
    }
  });
});
