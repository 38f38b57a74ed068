import { createServer, type Server } from 'node:http';
import { freePort } from '../../test/ports';
import { startGateway, type ExtraGateway } from '../../test/gateway';
import { gql, ok, url } from '../../test/support';

/**
 * Subgraph request deduplication, seen from the subgraph: a counting proxy in front of the test
 * stack's registry and a gateway of its own (response cache off) that reaches the registry
 * through it. While `hold` is set, the proxy keeps its calls until the test lets them go: the
 * test waits for the gateway's metrics to show every other request joined the one held.
 */
describe('subgraph request deduplication', () => {
  let proxy: Server;
  let gateway: ExtraGateway;
  const received: Array<{ query: string; authorization?: string }> = [];
  let hold: Promise<void> | null = null;

  beforeAll(async () => {
    proxy = createServer(async (req, res) => {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      const body = Buffer.concat(chunks).toString();
      received.push({ query: JSON.parse(body).query, authorization: req.headers.authorization });
      if (hold) await hold;
      const headers = Object.fromEntries(
        Object.entries(req.headers).filter(([name]) => ['authorization', 'content-type', 'x-request-id'].includes(name)) as Array<[string, string]>,
      );
      const answer = await fetch(url('registry'), { method: 'POST', headers, body });
      res.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'application/json' });
      res.end(await answer.text());
    });
    const port = await freePort();
    await new Promise<void>((resolve) => proxy.listen(port, '127.0.0.1', resolve));
    gateway = await startGateway(await freePort(), { REGISTRY_URL: `http://127.0.0.1:${port}/graphql`, CACHE_TTL_SECONDS: '0', RATE_LIMIT_PER_MINUTE: '0' });
  });
  afterAll(async () => {
    await gateway?.stop();
    proxy?.close();
  });

  const STATS = `{ nationalStats { applications registered womenShare } }`;
  /** The gateway's count of registry calls served by one already in flight. */
  const shared = async () => {
    const text = await (await fetch(`${gateway.origin}/metrics`)).text();
    const line = text.split('\n').find((l) => l.startsWith('moukawil_subgraph_fetches_shared_total{') && l.includes('subgraph="registry"'));
    return line ? Number(line.split(' ').pop()) : 0;
  };

  it('sends identical concurrent queries of one caller once, and gives each the whole answer', async () => {
    // Once planned, the query goes out as the client wrote it (single-subgraph.ts); the very first
    // one goes out as Apollo's own operation, a different text, so it is asked before the others.
    await gql(STATS, { as: 'NATIONAL', origin: gateway.origin });
    received.length = 0;
    let release!: () => void;
    hold = new Promise((resolve) => (release = resolve));
    const before = await shared();
    const pending = Promise.all(Array.from({ length: 8 }, () => gql(STATS, { as: 'NATIONAL', origin: gateway.origin })));
    // The first call is held at the proxy; the seven others join it (or, were they not shared, five seconds pass).
    const deadline = Date.now() + 5_000;
    while ((await shared()) < before + 7 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    hold = null;
    release();
    const answers = await pending;
    const expected = ok(await gql(STATS, { as: 'NATIONAL' }));
    for (const answer of answers) expect(ok(answer)).toEqual(expected);
    expect(received.filter((r) => r.query.includes('nationalStats'))).toHaveLength(1);
  });

  /** Runs `calls` while the proxy holds what reaches it, until `count` calls arrived (or two seconds passed: fewer arrived). */
  async function overlapping<T>(count: number, calls: () => Promise<T>): Promise<T> {
    let release!: () => void;
    hold = new Promise((resolve) => (release = resolve));
    const pending = calls();
    const deadline = Date.now() + 2_000;
    while (received.length < count && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    hold = null;
    release();
    return pending;
  }

  it('never shares a call between two callers, nor between two mutations', async () => {
    received.length = 0;
    await overlapping(2, () => Promise.all([gql(STATS, { as: 'NATIONAL', origin: gateway.origin }), gql(STATS, { as: 'PARTNER', origin: gateway.origin })]));
    expect(new Set(received.map((r) => r.authorization)).size).toBe(2);

    received.length = 0;
    const input = {
      fullName: 'Rachida Double',
      nationalId: `DD${Date.now() % 1_000_000}`,
      gender: 'FEMALE',
      birthDate: '1990-01-01',
      region: 'MA-08', // an open region (test/regions.ts)
      activityCode: 'S-01',
    };
    const mutation = `mutation($input: ApplicationInput!) { submitApplication(input: $input) { id } }`;
    const both = await overlapping(2, () => Promise.all([0, 1].map(() => gql(mutation, { as: 'NATIONAL', variables: { input }, origin: gateway.origin }))));
    expect(received.filter((r) => r.query.startsWith('mutation'))).toHaveLength(2);
    expect(both.filter((r) => !r.errors)).toHaveLength(1); // one CIN, one live application: the other is refused
  });
});
