import { createServer, type Server } from 'node:http';
import { connect } from 'node:net';
import { freePort } from '../../test/ports';
import { startGateway, type ExtraGateway } from '../../test/gateway';
import { councilOf, gql, url, type Call, type TokenName } from '../../test/support';

/**
 * Queries one subgraph answers whole go to it as the client wrote them (gateway/src/route/direct.ts)
 * instead of through Apollo's plan execution (route/planned.ts). Two gateways of their own
 * (response cache off), one with that route and one without (GATEWAY_SINGLE_SUBGRAPH=false), must
 * give the same answers to a corpus of queries; a recording proxy in front of the regions and
 * registry subgraphs shows which route a query took.
 */
describe('queries answered by one subgraph', () => {
  const proxies: Server[] = [];
  let direct: ExtraGateway;
  let apollo: ExtraGateway;
  const received: string[] = [];

  /** A proxy in front of one subgraph of the test stack that records the query of each call. */
  async function recording(subgraph: 'regions' | 'registry'): Promise<string> {
    const proxy = createServer(async (req, res) => {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      const body = Buffer.concat(chunks).toString();
      received.push(JSON.parse(body).query);
      const headers = Object.fromEntries(
        Object.entries(req.headers).filter(([name]) => ['authorization', 'content-type', 'x-request-id'].includes(name)) as Array<[string, string]>,
      );
      const answer = await fetch(url(subgraph), { method: 'POST', headers, body });
      res.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'application/json' });
      res.end(await answer.text());
    });
    const port = await freePort();
    await new Promise<void>((resolve) => proxy.listen(port, '127.0.0.1', resolve));
    proxies.push(proxy);
    return `http://127.0.0.1:${port}/graphql`;
  }

  beforeAll(async () => {
    const common = {
      REGIONS_URL: await recording('regions'),
      REGISTRY_URL: await recording('registry'),
      CACHE_TTL_SECONDS: '0',
      RATE_LIMIT_PER_MINUTE: '0',
      GATEWAY_DEDUPLICATE: 'false',
    };
    [direct, apollo] = await Promise.all([
      startGateway(await freePort(), common),
      startGateway(await freePort(), { ...common, GATEWAY_SINGLE_SUBGRAPH: 'false' }),
    ]);
  });
  afterAll(async () => {
    await Promise.all([direct?.stop(), apollo?.stop()]);
    for (const proxy of proxies) proxy.close();
  });

  const REGIONS = `{ regions { code name population isPilot } }`;

  it("sends the client's own query to the subgraph, and answers the same", async () => {
    received.length = 0;
    const viaDirect = await gql(REGIONS, { origin: direct.origin });
    expect(received).toEqual([REGIONS]);
    received.length = 0;
    const viaApollo = await gql(REGIONS, { origin: apollo.origin });
    expect(received).toHaveLength(1);
    expect(received[0]).not.toBe(REGIONS); // Apollo's own subgraph operation
    expect(viaDirect.data).toEqual(viaApollo.data);
  });

  // [what, query, call, whether it goes to its subgraph as written]
  const corpus: Array<[string, string, Call & { as?: TokenName }, boolean]> = [
    ['a plain list', `{ regions { code name isPilot } }`, {}, true],
    [
      'aliases, fragments, variables, @include and @skip',
      `query Two($code: ID!, $yes: Boolean!) { a: region(code: $code) { ...R nameAr @include(if: $yes) population @skip(if: $yes) } b: region(code: "MA-02") { code __typename isPilot } } fragment R on Region { code name capital }`,
      { variables: { code: 'MA-09', yes: true } },
      true,
    ],
    ['an unknown region (null)', `{ region(code: "MA-09") { code } other: region(code: "MA-13") { code } }`, {}, true],
    ['national statistics with breakdowns', `{ nationalStats(year: 2019) { applications registered womenShare bySegment { key registered } } }`, {}, true],
    [
      // In a still region (test/regions.ts): its count cannot move between the two reads.
      "a council's list of people (masked CINs)",
      `{ autoEntrepreneurs(region: "MA-06", first: 5) { edges { node { id fullName nationalId } } totalCount } }`,
      { authorization: councilOf('MA-06') },
      true,
    ],
    ['a refused list', `{ autoEntrepreneurs(region: "MA-03", first: 5) { totalCount } }`, { as: 'REGIONAL_MA09' }, true],
    ['a bad argument', `{ autoEntrepreneurs(first: 0) { totalCount } }`, { as: 'NATIONAL' }, true],
    ['a missing variable', `query($code: ID!) { region(code: $code) { code } }`, {}, false],
    [
      'a variable of the wrong type',
      `query($first: Int) { autoEntrepreneurs(first: $first) { totalCount } }`,
      { as: 'NATIONAL', variables: { first: 'ten' } },
      false,
    ],
    ['a query over two subgraphs', `{ regions { code registrationStats(year: 2019) { registered } } }`, {}, false],
    ['introspection beside a field', `{ __schema { queryType { name } } regions { code } }`, {}, false],
    ['two operations, none chosen', `query A { regions { code } } query B { nationalStats { applications } }`, {}, false],
  ];

  it.each(corpus)('gives the same answer either way: %s', async (_name, query, call, asWritten) => {
    // Twice: the route is decided once per text and kept.
    for (let i = 0; i < 2; i++) {
      received.length = 0;
      const viaDirect = await gql(query, { ...call, origin: direct.origin });
      expect(received.includes(query)).toBe(asWritten);
      const viaApollo = await gql(query, { ...call, origin: apollo.origin });
      expect({ status: viaDirect.status, data: viaDirect.data, errors: viaDirect.errors }).toEqual({
        status: viaApollo.status,
        data: viaApollo.data,
        errors: viaApollo.errors,
      });
      expect(viaDirect.headers!.get('content-type')).toBe(viaApollo.headers!.get('content-type'));
      expect(viaDirect.headers!.get('cache-control')).toBe(viaApollo.headers!.get('cache-control'));
      expect(viaDirect.headers!.get('x-moukawil-route') !== null).toBe(asWritten);
      expect(viaApollo.headers!.get('x-moukawil-route')).toBeNull();
    }
  });

  describe('the direct route', () => {
    const LIST = `query($first: Int) { autoEntrepreneurs(region: "MA-09", first: $first) { edges { node { id fullName } } } }`;

    it("passes the subgraph's answer on byte for byte, with the request id it was given", async () => {
      const answer = await fetch(`${direct.origin}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-request-id': 'support-call-42' },
        body: JSON.stringify({ query: REGIONS }),
      });
      const straight = await fetch(url('regions'), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: REGIONS }),
      });
      expect(answer.headers.get('x-moukawil-route')).toBe('regions');
      expect(answer.headers.get('x-request-id')).toBe('support-call-42');
      expect(await answer.text()).toBe(await straight.text());
    });

    it("checks each request's own token and variables, and answers refusals as the planned route does", async () => {
      const cases: Array<[string, Call & { as?: TokenName }, boolean]> = [
        ['an expired token', { as: 'EXPIRED', variables: { first: 3 } }, false],
        ['a variable of the wrong type', { as: 'REGIONAL_MA09', variables: { first: 'three' } }, false],
        ["another region's council (refused by the subgraph)", { as: 'ADVISOR_MA03', variables: { first: 3 } }, true],
        ['anonymous (refused by the subgraph)', { variables: { first: 3 } }, true],
      ];
      for (const [, call, reachesTheSubgraph] of cases) {
        const viaDirect = await gql(LIST, { ...call, origin: direct.origin });
        const viaApollo = await gql(LIST, { ...call, origin: apollo.origin });
        expect(viaDirect.headers!.get('x-moukawil-route') !== null).toBe(reachesTheSubgraph);
        expect({ status: viaDirect.status, data: viaDirect.data, errors: viaDirect.errors }).toEqual({
          status: viaApollo.status,
          data: viaApollo.data,
          errors: viaApollo.errors,
        });
        expect(viaDirect.errors?.length).toBeGreaterThan(0);
      }
      // The council's own answer, its names unmasked as the subgraph gives them.
      const own = await gql(LIST, { as: 'REGIONAL_MA09', variables: { first: 3 }, origin: direct.origin });
      expect(own.headers!.get('x-moukawil-route')).toBe('registry');
      expect(own.data.autoEntrepreneurs.edges).toHaveLength(3);
    });

    it('routes long query texts too, without keeping them', async () => {
      const long = `# ${'x'.repeat(12_000)}\n{ regions { code capital } }`;
      for (let i = 0; i < 2; i++) {
        const answer = await gql(long, { origin: direct.origin });
        expect(answer.data.regions).toHaveLength(12);
        expect(answer.headers!.get('x-moukawil-route')).toBe('regions');
      }
    });

    it('shrugs off a client gone in the middle of its body', async () => {
      const { port } = new URL(direct.origin);
      await new Promise<void>((resolve, reject) => {
        const socket = connect(Number(port), '127.0.0.1', () => {
          socket.write('POST /graphql HTTP/1.1\r\nHost: test\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"query":');
          setTimeout(() => {
            socket.destroy();
            resolve();
          }, 100);
        });
        socket.on('error', reject);
      });
      expect((await gql(REGIONS, { origin: direct.origin })).status).toBe(200);
    });

    it('refuses a body that is not JSON, reads one with a byte-order mark, and leaves other paths to the pages', async () => {
      const bad = await fetch(`${direct.origin}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query": ' });
      expect(bad.status).toBe(400);
      expect(await bad.json()).toEqual({ errors: [{ message: 'The request body is not valid JSON.', extensions: { code: 'BAD_REQUEST' } }] });
      // A body that starts with a byte-order mark is JSON all the same.
      const withMark = await fetch(`${direct.origin}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: `\uFEFF${JSON.stringify({ query: REGIONS })}`,
      });
      expect(withMark.status).toBe(200);
      expect(withMark.headers.get('x-moukawil-route')).toBe('regions');
      const page = await fetch(`${direct.origin}/dashboard`);
      expect(page.status).toBe(200);
      expect(page.headers.get('content-type')).toMatch(/html/);
    });
  });
});
