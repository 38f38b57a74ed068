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
