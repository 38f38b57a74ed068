import { request } from 'node:http';
import { gunzipSync } from 'node:zlib';
import { auditServer, type AuditResult } from 'graphql-http';
import { url, type ServiceName } from '../../test/support';

/**
 * The GraphQL-over-HTTP specification's own audit suite (graphql-http), against the gateway and
 * each subgraph: no MUST may fail. The SHOULD warnings left are listed, with why, in docs/contract.md.
 */
const SERVICES: ServiceName[] = ['gateway', 'regions', 'registry', 'programs', 'indicators'];

/** The contract answers a request that cannot run with 400 whatever the Accept header (docs/contract.md): clients rely on it. */
const ACCEPTED_WARNINGS = [
  'SHOULD use 200 status code on document parsing failure when accepting application/json',
  'SHOULD use 200 status code on document validation failure when accepting application/json',
  'SHOULD use a status code of 200 on variable coercion failure when accepting application/json',
];

describe('GraphQL over HTTP', () => {
  it.each(SERVICES)('the %s passes every MUST of the audit', async (service) => {
    const results: AuditResult[] = await auditServer({ url: url(service) });
    const failed = results.filter((r) => r.status === 'error').map((r) => `${r.id} ${r.name}: ${r.reason}`);
    expect(failed).toEqual([]);
    expect(results.filter((r) => r.status === 'ok').length).toBeGreaterThan(40);
    expect(results.filter((r) => r.status === 'warn').map((r) => r.name)).toEqual(ACCEPTED_WARNINGS);
  });
});

describe('x-request-id', () => {
  const ask = (requestId: string, service: ServiceName = 'gateway') =>
    fetch(url(service), { method: 'POST', headers: { 'content-type': 'application/json', 'x-request-id': requestId }, body: '{"query":"{ __typename }"}' });

  it.each(['support-case-4711', 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d', 'trace:01.02_x'])(
    'echoes a safe one (%s), at the gateway and at a subgraph',
    async (given) => {
      for (const service of ['gateway', 'regions'] as const) expect((await ask(given, service)).headers.get('x-request-id')).toBe(given);
    },
  );

  it.each(['x'.repeat(101), '<script>alert(1)</script>', 'a b', 'id%0d%0aSet-Cookie:x', '"quoted"'])(
    'replaces one of another form or length (%s) with its own',
    async (given) => {
      for (const service of ['gateway', 'regions'] as const) {
        const echoed = (await ask(given, service)).headers.get('x-request-id');
        expect([service, echoed !== given, /^[0-9a-f-]{36}$/.test(echoed ?? '')]).toEqual([service, true, true]);
      }
    },
  );
});

describe('compression of answers', () => {
  const QUERY = '{ regions { code name nameAr provinces { code name nameAr } } }';
  /** The raw answer: its Content-Encoding and its bytes as sent (fetch would decode them). */
  const raw = (acceptEncoding: string | null, query = QUERY) =>
    new Promise<{ encoding: string | undefined; vary: string | undefined; body: Buffer }>((resolve, reject) => {
      const headers: Record<string, string> = { 'content-type': 'application/json', ...(acceptEncoding === null ? {} : { 'accept-encoding': acceptEncoding }) };
      const req = request(url('gateway'), { method: 'POST', headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ encoding: res.headers['content-encoding'], vary: res.headers.vary, body: Buffer.concat(chunks) }));
      });
      req.on('error', reject);
      req.end(JSON.stringify({ query }));
    });

  it('gzips an answer for a client that accepts it, to the same JSON', async () => {
    const plain = await raw(null);
    const zipped = await raw('gzip, deflate, br');
    expect([plain.encoding, zipped.encoding, zipped.vary]).toEqual([undefined, 'gzip', 'accept-encoding']);
    expect(JSON.parse(gunzipSync(zipped.body).toString())).toEqual(JSON.parse(plain.body.toString()));
    expect(JSON.parse(plain.body.toString()).data.regions).toHaveLength(12);
    expect(zipped.body.length).toBeLessThan(plain.body.length / 2);
  });

  it('sends it as it is when gzip is refused (q=0) or the answer is smaller than a packet', async () => {
    expect((await raw('gzip;q=0, identity')).encoding).toBeUndefined();
    expect((await raw('gzip', '{ __typename }')).encoding).toBeUndefined();
  });
});
