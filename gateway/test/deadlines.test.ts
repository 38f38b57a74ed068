import { createServer, request, type Server } from 'node:http';
import { randomInt } from 'node:crypto';
import { Client } from 'pg';
import { startGateway, type ExtraGateway } from '../../test/gateway';
import { freePort } from '../../test/ports';
import { startSubgraph, type ExtraSubgraph } from '../../test/subgraph';
import { codes, eventually, gql, ok, sqlOn, token, url } from '../../test/support';

/**
 * No single request holds a subgraph: a statement timeout, a deadline (the subgraph's own, or the
 * shorter one the gateway passes on), work stopped when the caller goes away, a cap on one
 * answer's size, and at the gateway a bound on one caller's requests in flight. A request is made
 * to wait, deterministically, on a row this suite locks.
 */
const CORRECT = `mutation($id: ID!) { correctEvent(id: $id, correction: { women: 7 }, reason: "Recompte de la feuille") { women } }`;
const council = { as: 'REGIONAL_MA09' as const };

/** A fresh event of MA-09 (an open region: test/regions.ts), its women count 1. */
async function freshEvent(): Promise<string> {
  const input = { kind: 'AWARENESS', region: 'MA-09', heldOn: '2024-05-02', title: `Délais ${randomInt(1e6, 1e7)}`, place: 'Agadir', women: 1, men: 1 };
  return ok(await gql(`mutation($input: EventInput!) { recordEvent(input: $input) { id } }`, { ...council, variables: { input } })).recordEvent.id;
}

/** Holds the event's row locked until released: a correction of it waits on the lock. */
async function lockEvent(id: string): Promise<{ release: () => Promise<void>; waiting: () => Promise<number> }> {
  const target = new URL(process.env.TEST_DATABASE_URL!);
  target.pathname = '/test_programs';
  const client = new Client({ connectionString: target.toString() });
  await client.connect();
  await client.query('BEGIN');
  await client.query('SELECT 1 FROM event WHERE id = $1 FOR UPDATE', [id]);
  return {
    release: async () => {
      await client.query('ROLLBACK');
      await client.end();
    },
    // Statements of other sessions waiting on a lock in this database.
    // pg_stat_activity is read once a transaction unless its snapshot is cleared, and this connection holds a transaction open.
    waiting: async () => {
      await client.query(`SELECT pg_stat_clear_snapshot()`);
      return Number((await client.query(`SELECT count(*) AS n FROM pg_stat_activity WHERE datname = 'test_programs' AND wait_event_type = 'Lock'`)).rows[0].n);
    },
  };
}

const womenOf = async (id: string) => (await sqlOn('programs', 'SELECT women FROM event WHERE id = $1', [id]))[0].women as number;
const untilLine = async (service: { lines: Array<Record<string, any>> }, match: (line: Record<string, any>) => boolean) => {
  await eventually('a log line', () => service.lines.some(match), 5_000, 25);
  return service.lines.find(match);
};

describe('no single request holds a subgraph', () => {
  // One programs subgraph with a short statement timeout and a small answer cap, one with a long one (60 s: what stops a
  // wait there within a test's time is a deadline, never the statement timeout) and the default cap (32 MiB).
  let short: ExtraSubgraph;
  let programs: ExtraSubgraph;
  beforeAll(async () => {
    [short, programs] = await Promise.all([
      startSubgraph('programs', await freePort(), { LOG_LEVEL: 'info', SUBGRAPH_STATEMENT_TIMEOUT_MS: '400', SUBGRAPH_MAX_ANSWER_BYTES: '4096' }),
      startSubgraph('programs', await freePort(), { LOG_LEVEL: 'info', SUBGRAPH_STATEMENT_TIMEOUT_MS: '60000' }),
    ]);
  });
  afterAll(() => [short, programs].forEach((s) => s?.child.kill('SIGTERM')));
  const at = (service = programs) => `http://127.0.0.1:${service.port}`;

  it('stops a statement past its statement timeout, with a clear error and nothing written', async () => {
    const id = await freshEvent();
    const lock = await lockEvent(id);
    try {
      const answer = await gql(CORRECT, { ...council, origin: at(short), variables: { id } });
      expect([answer.status, codes(answer)]).toEqual([200, ['DEADLINE_EXCEEDED']]);
    } finally {
      await lock.release();
    }
    expect(await womenOf(id)).toBe(1);
  });

  it('keeps to the shorter deadline the gateway passes on', async () => {
    const id = await freshEvent();
    const lock = await lockEvent(id);
    try {
      const answer = await gql(CORRECT, { ...council, origin: at(), variables: { id }, headers: { 'x-moukawil-timeout-ms': '150' } });
      expect(codes(answer)).toEqual(['DEADLINE_EXCEEDED']);
      // Answered while this suite still holds the lock: the wait stopped at the deadline, not at the lock's release.
      expect(await lock.waiting()).toBe(0);
    } finally {
      await lock.release();
    }
    expect(await womenOf(id)).toBe(1);
  }, 20_000);

  it('is passed its deadline by the gateway: a write waiting when the gateway gives up stops then too', async () => {
    const gateway = await startGateway(await freePort(), { PROGRAMS_URL: `${at()}/graphql`, SUBGRAPH_TIMEOUT_MS: '300', RATE_LIMIT_PER_MINUTE: '0' });
    const id = await freshEvent();
    const lock = await lockEvent(id);
    try {
      const answer = await gql(CORRECT, { ...council, origin: gateway.origin, variables: { id } });
      expect(codes(answer)).toEqual(['SUBGRAPH_UNAVAILABLE']);
      await eventually('the abandoned write no longer waiting', async () => (await lock.waiting()) === 0);
    } finally {
      await lock.release();
      await gateway.stop();
    }
    expect(await womenOf(id)).toBe(1);
  }, 20_000);

  it('stops the work of a caller that went away: the correction it was waiting to write is not applied', async () => {
    const id = await freshEvent();
    const lock = await lockEvent(id);
    const call = request(`${at()}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token('REGIONAL_MA09')}`, 'x-moukawil-timeout-ms': '60000' },
    });
    call.on('error', () => {});
    call.end(JSON.stringify({ query: CORRECT, variables: { id } }));
    try {
      await eventually('the write waiting on the lock', async () => (await lock.waiting()) > 0);
      call.destroy(); // the caller goes away while its write waits on the lock
      expect(await untilLine(programs, (l) => l.msg === 'request abandoned')).toBeDefined();
    } finally {
      await lock.release();
    }
    const stopped = await untilLine(programs, (l) => l.msg === 'request stopped' && l.reason === 'its caller went away');
    expect(stopped).toBeDefined();
    expect(await womenOf(id)).toBe(1);
  });

  it('answers an error instead of an answer larger than its cap', async () => {
    const answer = await gql(`{ events(includeCancelled: true) { id title place } }`, { origin: at(short) });
    expect(codes(answer)).toEqual(['ANSWER_TOO_LARGE']);
    expect(ok(await gql(`{ programmes { code } }`, { origin: at(short) })).programmes.length).toBeGreaterThan(0);
  });
});

describe("the gateway's bound on one caller's requests in flight", () => {
  let gateway: ExtraGateway;
  let held: Server;
  const waiting: Array<() => void> = [];
  beforeAll(async () => {
    // The regions subgraph behind a proxy that holds every answer until the test lets it go.
    const target = new URL(url('regions'));
    held = createServer((req, res) => {
      const upstream = request({ host: target.hostname, port: target.port, path: target.pathname, method: req.method, headers: req.headers }, (answer) => {
        waiting.push(() => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        });
      });
      req.pipe(upstream);
    });
    const port = await freePort();
    await new Promise<void>((resolve) => held.listen(port, '127.0.0.1', resolve));
    gateway = await startGateway(await freePort(), {
      REGIONS_URL: `http://127.0.0.1:${port}/graphql`,
      GATEWAY_CONCURRENT_ANONYMOUS: '2',
      GATEWAY_CONCURRENT_PER_CALLER: '3',
      RATE_LIMIT_PER_MINUTE: '0',
      CACHE_TTL_SECONDS: '0',
      GATEWAY_DEDUPLICATE: 'false',
    });
  });
  afterAll(async () => {
    await gateway?.stop();
    held?.close();
  });

  it('refuses an anonymous address its third request at once, while another caller is still served', async () => {
    const first = [gql(`{ regions { code } }`, { origin: gateway.origin }), gql(`{ regions { name } }`, { origin: gateway.origin })];
    await eventually('two requests held', () => waiting.length >= 2, 5_000, 10);
    const third = await gql(`{ regions { capital } }`, { origin: gateway.origin });
    expect([third.status, codes(third)]).toEqual([429, ['RATE_LIMITED']]);
    expect(third.headers?.get('retry-after')).toBe('1');
    // A caller with a token is another caller.
    const national = gql(`{ regions { code } }`, { as: 'NATIONAL', origin: gateway.origin });
    await eventually('three requests held', () => waiting.length >= 3, 5_000, 10);
    for (const go of waiting.splice(0)) go();
    expect((await Promise.all([...first, national])).map((a) => a.status)).toEqual([200, 200, 200]);
    // Answered, they free their places.
    const again = gql(`{ regions { code } }`, { origin: gateway.origin });
    await eventually('a request held', () => waiting.length >= 1, 5_000, 10);
    for (const go of waiting.splice(0)) go();
    expect((await again).status).toBe(200);
  });
});
