import { createServer, type Server } from 'node:http';
import { getIntrospectionQuery } from 'graphql';
import { freePort } from '../../test/ports';
import { startGateway, type ExtraGateway } from '../../test/gateway';
import { codes, gql, ok, sqlOn, token, url } from '../../test/support';

const postTo =
  (service: 'gateway' | 'registry') =>
  (body: string, headers: Record<string, string> = {}) =>
    fetch(url(service), { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
const post = postTo('gateway');

/** A body over `limit` bytes is refused with 413, one that is not JSON with 400, each in GraphQL's shape. */
async function expectBodyRefusals(send: typeof post, limit: number): Promise<void> {
  const big = await send(JSON.stringify({ query: `{ regions { code } }`, variables: { pad: 'x'.repeat(limit + 1_000) } }));
  expect(big.status).toBe(413);
  expect((await big.json()).errors[0].extensions.code).toBe('PAYLOAD_TOO_LARGE');
  const broken = await send('{"query": "{ regions');
  expect(broken.status).toBe(400);
  expect((await broken.json()).errors[0].extensions.code).toBe('BAD_REQUEST');
}

describe('operation limits at the gateway', () => {
  it("lets GraphiQL's introspection through: it counts against the limits, within them", async () => {
    const result = await gql(
      getIntrospectionQuery({ descriptions: true, inputValueDeprecation: true, specifiedByUrl: true, directiveIsRepeatable: true, schemaDescription: true }),
    );
    expect(result.status).toBe(200);
    expect(ok(result).__schema.types.length).toBeGreaterThan(50);
  });

  it.each([
    [
      'depth',
      `{ regions { programmes { regions { programmes { regions { programmes { regions { programmes { regions { programmes { regions { programmes { code } } } } } } } } } } } } }`,
      /depth limit of 12 exceeded, found 13/,
    ],
    ['aliases', `{ ${Array.from({ length: 16 }, (_, i) => `a${i}: regions { code }`).join(' ')} }`, /Aliases limit of 15 exceeded/],
    ['directives', `{ regions { code ${'@include(if: true) '.repeat(11)} } }`, /Directives limit of 10 exceeded/],
    ['cost', `{ regions { programmes { regions { programmes { regions { programmes { code } } } } } } }`, /cost \d+ exceeds the limit of 250000/],
  ])('refuses an operation over the %s limit with a 400 that names it', async (limit, query, message) => {
    const result = await gql(query);
    expect(result.status).toBe(400);
    expect(codes(result)).toContain('GRAPHQL_VALIDATION_FAILED');
    expect(result.errors!.map((e) => e.message).join(' ')).toMatch(message);
    expect(result.errors!.some((e) => e.extensions?.limit === limit)).toBe(true);
  });

  it('refuses too many tokens, too large a body and a body that is not JSON, with 4xx and GraphQL errors', async () => {
    const tokens = await gql(`{ regions { ${'code '.repeat(1_000)} } }`);
    expect(tokens.status).toBe(400);
    expect(codes(tokens)).toEqual(['GRAPHQL_PARSE_FAILED']);
    expect(tokens.errors![0].message).toMatch(/Token limit of 1000 exceeded/);

    await expectBodyRefusals(post, 64 * 1024);
  });
});

describe("the same limits at a subgraph's own port (one door)", () => {
  const regions = (query: string) => gql(query, { service: 'regions' });
  const deep = (levels: number) => `{ regions { ${'conventions { region { '.repeat(levels)}code${' } }'.repeat(levels)} } }`;

  it.each([
    ['depth', deep(6), /depth limit of 12 exceeded/],
    ['aliases', `{ ${Array.from({ length: 16 }, (_, i) => `a${i}: regions { code }`).join(' ')} }`, /Aliases limit of 15 exceeded/],
    ['directives', `{ regions { code ${'@include(if: true) '.repeat(11)} } }`, /Directives limit of 10 exceeded/],
    [
      'cost',
      `{ regions { conventions { region { conventions { region { conventions { region { conventions { code } } } } } } } } }`,
      /cost \d+ exceeds the limit of 250000/,
    ],
  ])('refuses an operation over the %s limit sent straight to the regions subgraph', async (limit, query, message) => {
    const result = await regions(query);
    expect(result.status).toBe(400);
    expect(result.errors!.map((e) => e.message).join(' ')).toMatch(message);
    expect(result.errors!.some((e) => e.extensions?.limit === limit)).toBe(true);
  });

  it('refuses too many tokens there too, and still answers what is within the limits', async () => {
    const tokens = await regions(`{ regions { ${'code '.repeat(1_000)} } }`);
    expect(tokens.status).toBe(400);
    expect(codes(tokens)).toEqual(['GRAPHQL_PARSE_FAILED']);
    expect(ok(await regions(`{ regions { code conventions { region { code } } } }`)).regions.length).toBe(12);
  });

  it('refuses a body too large or not JSON there too, echoes the request id, and lets no cache keep an answer', async () => {
    const send = postTo('registry');
    await expectBodyRefusals(send, 1024 * 1024);
    const notAnObject = await send('"{ nationalStats { registered } }"');
    expect(notAnObject.status).toBe(400);

    const answered = await send(JSON.stringify({ query: '{ nationalStats { registered } }' }), { 'x-request-id': 'support-call-42' });
    expect(answered.status).toBe(200);
    expect(answered.headers.get('x-request-id')).toBe('support-call-42');
    expect(answered.headers.get('cache-control')).toBe('no-store');
    expect((await answered.json()).data.nationalStats.registered).toBeGreaterThan(0);
    // The query string of a GET, and the pages beside /graphql, still reach their handlers.
    const get = await fetch(`${url('registry')}?query=${encodeURIComponent('{ nationalStats { registered } }')}`, {
      headers: { 'apollo-require-preflight': '1' },
    });
    expect((await get.json()).data.nationalStats.registered).toBeGreaterThan(0);
    expect((await (await fetch(url('registry').replace('/graphql', '/health'))).json()).status).toBe('ok');
  });
});

describe('a corpus of hostile operations', () => {
  const bomb = (levels: number) =>
    `{ regions { ...F0 } } ${Array.from({ length: levels }, (_, i) => (i === levels - 1 ? `fragment F${i} on Region { code }` : `fragment F${i} on Region { code ...F${i + 1} ...F${i + 1} }`)).join(' ')}`;
  let nested: Record<string, unknown> = { fullName: 'x' };
  for (let i = 0; i < 2_000; i++) nested = { a: nested };
  const body = (query: string, variables?: object, operationName?: string) => JSON.stringify({ query, variables, operationName });
  const NATIONAL = { authorization: `Bearer ${token('NATIONAL')}` };
  const CLEAN = ['BAD_USER_INPUT', 'BAD_REQUEST', 'GRAPHQL_VALIDATION_FAILED', 'GRAPHQL_PARSE_FAILED', 'OPERATION_RESOLUTION_FAILURE', 'PAYLOAD_TOO_LARGE'];

  it.each<[string, string, Record<string, string>?]>([
    ['a fragment cycle', body(`{ regions { ...A } } fragment A on Region { code ...B } fragment B on Region { name ...A }`)],
    ['a fragment bomb (2^40 fields once expanded)', body(bomb(40))],
    ['a fragment bomb of bare __typename', body(bomb(40).replace(/\{ code/g, '{ __typename'))],
    ['a 50 kB string argument', body(`{ region(code: "${'x'.repeat(50_000)}") { code } }`)],
    ['a NUL byte in a search', body(`{ autoEntrepreneurs(search: "ab\\u0000cd", first: 5) { totalCount } }`), NATIONAL],
    ['SQL in a region code', body(`{ region(code: "MA-01' OR '1'='1") { code } }`)],
    ['a wrongly typed literal', body(`{ nationalStats(year: "2019") { registered } }`)],
    ['a wrongly typed variable', body(`query($y: Int) { nationalStats(year: $y) { registered } }`, { y: 'abc' })],
    ['an Int past 32 bits', body(`{ nationalStats(year: 99999999999) { registered } }`)],
    ['variables nested 2,000 deep', body(`mutation($input: ApplicationInput!) { submitApplication(input: $input) { id } }`, { input: nested }), NATIONAL],
    ['a batched array', JSON.stringify([{ query: '{ regions { code } }' }, { query: '{ regions { code } }' }])],
    ['a body that is a JSON string', '"{ regions { code } }"'],
    ['a query that is not a string', JSON.stringify({ query: { regions: true } })],
    ['an unknown operationName', body(`{ regions { code } }`, undefined, 'Nope')],
    ['two operations and no name', body(`query A { regions { code } } query B { regions { name } }`)],
  ])('refuses %s cleanly, at the gateway and straight at a subgraph', async (_name, payload, headers = {}) => {
    for (const door of [url('gateway'), url('regions'), url('registry')]) {
      const response = await fetch(door, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: payload });
      expect([door, response.status < 500]).toEqual([door, true]);
      const answer = (await response.json()) as { errors?: Array<{ message: string; extensions?: { code?: string } }> };
      expect(answer.errors?.length).toBeGreaterThan(0);
      for (const error of answer.errors!) {
        expect([door, CLEAN.includes(error.extensions?.code ?? '')]).toEqual([door, true]);
        expect(error.message.length).toBeLessThanOrEqual(300); // the 50 kB string is not sent back
      }
    }
  });

  it('treats injection-shaped search text as text, and is still whole afterwards', async () => {
    const injected = await gql(`{ autoEntrepreneurs(search: "%' OR 1=1; DROP TABLE auto_entrepreneur; --", first: 5) { totalCount } }`, { as: 'NATIONAL' });
    expect(ok(injected).autoEntrepreneurs.totalCount).toBe(0);
    expect((await sqlOn('registry', `SELECT count(*)::int AS n FROM auto_entrepreneur`))[0].n).toBeGreaterThan(0);
    const health = await fetch(url('gateway', '/health'));
    expect(await health.json()).toMatchObject({ status: 'ok', subgraphs: { regions: 'up', registry: 'up', programs: 'up', indicators: 'up' } });
    expect(ok(await gql(`{ regions { code registrationStats { registered } } }`)).regions).toHaveLength(12);
  });
});

// One request a minute in bursts of a few: a bucket refills only after minutes, so no refill can land inside a test.
describe('rate limiting', () => {
  let gateway: ExtraGateway;
  beforeAll(async () => {
    gateway = await startGateway(await freePort(), { RATE_LIMIT_PER_MINUTE: '1', RATE_LIMIT_BURST: '3' });
  });
  afterAll(() => gateway?.stop());

  it('answers 429 with Retry-After past the burst, per caller', async () => {
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await gql(`{ regions { code } }`, { origin: gateway.origin })).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    const refused = await gql(`{ regions { code } }`, { origin: gateway.origin });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers!.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(codes(refused)).toEqual(['RATE_LIMITED']);
    // Another caller (a token's subject) has its own bucket.
    expect((await gql(`{ regions { code } }`, { origin: gateway.origin, as: 'PARTNER' })).status).toBe(200);
    // X-Forwarded-For is anyone's to write: without TRUST_PROXY it changes nothing.
    expect((await gql(`{ regions { code } }`, { origin: gateway.origin, headers: { 'x-forwarded-for': '203.0.113.9' } })).status).toBe(429);
  });

  it("counts each request once, against its token's subject, whichever route answers it", async () => {
    const counted = await startGateway(await freePort(), { RATE_LIMIT_PER_MINUTE: '1', RATE_LIMIT_BURST: '5' });
    try {
      const answers = [];
      for (let i = 0; i < 6; i++) answers.push(await gql(`{ regions { code name } }`, { origin: counted.origin, as: 'NATIONAL' }));
      expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 200, 429]);
      expect(answers.map((a) => a.headers!.get('x-moukawil-route'))).toEqual(['regions', 'regions', 'regions', 'regions', 'regions', null]);
    } finally {
      await counted.stop();
    }
  });

  it('counts bodies that are not JSON too, whichever path refuses them', async () => {
    const strict = await startGateway(await freePort(), { RATE_LIMIT_PER_MINUTE: '1', RATE_LIMIT_BURST: '2' });
    try {
      const statuses = [];
      for (let i = 0; i < 3; i++) {
        const answer = await fetch(`${strict.origin}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query": ' });
        statuses.push(answer.status);
      }
      expect(statuses).toEqual([400, 400, 429]);
    } finally {
      await strict.stop();
    }
  });

  it('counts each client behind a trusted proxy apart (TRUST_PROXY)', async () => {
    // Cache off, so that every request reaches the subgraph (route/direct.ts).
    const behind = await startGateway(await freePort(), {
      RATE_LIMIT_PER_MINUTE: '1',
      RATE_LIMIT_BURST: '2',
      TRUST_PROXY: 'loopback',
      CACHE_TTL_SECONDS: '0',
    });
    try {
      const from = async (address: string) => gql(`{ regions { code } }`, { origin: behind.origin, headers: { 'x-forwarded-for': address } });
      expect([(await from('203.0.113.7')).status, (await from('203.0.113.7')).status, (await from('203.0.113.7')).status]).toEqual([200, 200, 429]);
      const other = await from('198.51.100.4');
      expect(other.status).toBe(200);
      expect(other.headers!.get('x-moukawil-route')).toBe('regions');
      const refused = await from('198.51.100.4').then(() => from('198.51.100.4'));
      expect(refused.status).toBe(429);
      expect(codes(refused)).toEqual(['RATE_LIMITED']);
      expect(Number(refused.headers!.get('retry-after'))).toBeGreaterThanOrEqual(1);
    } finally {
      await behind.stop();
    }
  });
});

describe('partial failure', () => {
  let dead: ExtraGateway;
  let slow: ExtraGateway;
  let silent: Server;
  beforeAll(async () => {
    silent = createServer(() => undefined); // accepts, never answers
    const silentPort = await freePort();
    await new Promise<void>((resolve) => silent.listen(silentPort, resolve));
    dead = await startGateway(await freePort(), { PROGRAMS_URL: `http://127.0.0.1:${await freePort()}/graphql` });
    slow = await startGateway(await freePort(), { PROGRAMS_URL: `http://127.0.0.1:${silentPort}/graphql`, SUBGRAPH_TIMEOUT_MS: '500' });
  });
  afterAll(async () => {
    await Promise.all([dead?.stop(), slow?.stop()]);
    silent?.closeAllConnections();
    silent?.close();
  });

  it.each([
    ['down', () => dead, /not reachable/],
    ['slow', () => slow, /no answer within 500 ms/],
  ])('a %s subgraph costs only its own fields, with an error naming it', async (_how, gateway, reason) => {
    const result = await gql(`{ regions { code registrationStats { registered } programmes { code } } }`, { origin: gateway().origin });
    expect(result.status).toBe(200);
    expect(result.data!.regions).toHaveLength(12);
    expect(result.data!.regions[0].registrationStats.registered).toBeGreaterThan(0);
    expect(result.data!.regions.every((r: any) => r.programmes === null)).toBe(true);
    expect(result.errors![0]).toMatchObject({ extensions: { code: 'SUBGRAPH_UNAVAILABLE', subgraph: 'programs' } });
    expect(result.errors![0].message).toMatch(reason);
    expect(JSON.stringify(result.errors)).not.toMatch(/127\.0\.0\.1|localhost|stack|ECONNREFUSED/);
  });

  it('keeps the scorecard when programs is down: registry actuals live, programme actuals null (NO_DATA)', async () => {
    const query = `{ nationalScorecardFor(year: 2019) { statuses { indicatorCode actual status } } region(code: "MA-07") { scorecardFor(year: 2019) { statuses { indicatorCode actual } } } }`;
    const result = await gql(query, { origin: dead.origin });
    const line = (code: string) => result.data!.nationalScorecardFor.statuses.find((s: { indicatorCode: string }) => s.indicatorCode === code);
    expect(line('AE_REGISTRATIONS')).toMatchObject({ status: expect.not.stringMatching(/NO_DATA/) });
    expect(line('AE_REGISTRATIONS').actual).toBeGreaterThan(0);
    expect(line('BENEFICIARIES_HONOUR_LOAN')).toEqual({ indicatorCode: 'BENEFICIARIES_HONOUR_LOAN', actual: null, status: 'NO_DATA' });
    expect(result.data!.region.scorecardFor.statuses.length).toBeGreaterThan(0);
    expect(result.errors!.map((e) => e.extensions)).toContainEqual(expect.objectContaining({ code: 'SUBGRAPH_UNAVAILABLE', subgraph: 'programs' }));
    // The same through the healthy stack: the programme actual is there.
    const healthy = await gql(query);
    expect(
      healthy.data!.nationalScorecardFor.statuses.find((s: { indicatorCode: string }) => s.indicatorCode === 'BENEFICIARIES_HONOUR_LOAN').actual,
    ).not.toBeNull();
  });

  it('says on /health which subgraph is down', async () => {
    const health = await fetch(`${dead.origin}/health`);
    expect(health.status).toBe(503);
    expect(await health.json()).toMatchObject({ status: 'degraded', subgraphs: { programs: 'down', registry: 'up', regions: 'up', indicators: 'up' } });
  });
});

describe('error hygiene and request ids', () => {
  it('echoes the request id it was given (or makes one) and leaks no internals in errors', async () => {
    const given = await gql(`{ autoEntrepreneurs { totalCount } }`, { headers: { 'x-request-id': 'support-case-4711' } });
    expect(given.headers!.get('x-request-id')).toBe('support-case-4711');
    expect(codes(given)).toEqual(['FORBIDDEN']);
    const made = await gql(`{ regions { code } }`, { headers: { 'x-request-id': 'not a valid id; DROP TABLE' } });
    expect(made.headers!.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    const bad = await gql(`mutation { declareTurnover(id: "00000000-0000-4000-8000-000000000000", period: "2024-Q9", amount: -1) { tax } }`, {
      as: 'NATIONAL',
    });
    expect(codes(bad)).toEqual(['BAD_USER_INPUT']);
    expect(JSON.stringify(bad)).not.toMatch(/stacktrace|SELECT |INSERT |at [\w.]+ \(|\/work\/|node_modules/);
  });
});
