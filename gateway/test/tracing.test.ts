import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { startGateway, type ExtraGateway } from '../../test/gateway';
import { freePort } from '../../test/ports';
import { startSubgraph, type ExtraSubgraph } from '../../test/subgraph';
import { gql } from '../../test/support';

/** OpenTelemetry traces across gateway → subgraph → SQL, sent over OTLP/HTTP to a collector of the test's own. */
interface Span {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  service: string;
  attributes: Record<string, unknown>;
}

const spans: Span[] = [];
let collector: Server;
let gateway: ExtraGateway;
let registry: ExtraSubgraph;

beforeAll(async () => {
  // What an OpenTelemetry collector receives at /v1/traces (OTLP JSON), flattened.
  collector = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      const payload = JSON.parse(body || '{}');
      for (const resource of payload.resourceSpans ?? []) {
        const service = resource.resource.attributes.find((a: any) => a.key === 'service.name')?.value.stringValue;
        for (const scope of resource.scopeSpans ?? [])
          for (const span of scope.spans ?? [])
            spans.push({
              ...span,
              service,
              attributes: Object.fromEntries((span.attributes ?? []).map((a: any) => [a.key, Object.values(a.value)[0]])),
            });
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  const collectorPort = await freePort();
  await new Promise<void>((resolve) => collector.listen(collectorPort, '127.0.0.1', resolve));
  const traced = { OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${collectorPort}`, OTEL_BSP_SCHEDULE_DELAY: '100' };
  registry = await startSubgraph('registry', await freePort(), traced);
  gateway = await startGateway(await freePort(), { ...traced, REGISTRY_URL: `http://127.0.0.1:${registry.port}/graphql` });
}, 30_000);

afterAll(async () => {
  await gateway?.stop();
  registry?.child.kill('SIGTERM');
  collector?.close();
});

describe('traces', () => {
  it('follow a request from the gateway to the subgraph and its SQL, with its request id', async () => {
    const requestId = `trace-${randomUUID()}`;
    const answer = await gql(`{ nationalStats { registered } }`, { origin: gateway.origin, headers: { 'x-request-id': requestId } });
    expect(answer.errors).toBeUndefined();
    let server: Span | undefined;
    for (
      let i = 0;
      i < 100 && !(server && spans.some((s) => s.traceId === server!.traceId && s.service === 'registry' && s.attributes['db.system.name']));
      i++
    ) {
      server = spans.find((s) => s.service === 'gateway' && s.attributes['moukawil.request_id'] === requestId);
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(server).toBeDefined();
    const trace = spans.filter((s) => s.traceId === server!.traceId);
    const services = new Set(trace.map((s) => s.service));
    expect([...services].sort()).toEqual(['gateway', 'registry']);
    // The registry's own server span carries the same request id, and its SQL statements are in the same trace.
    expect(trace.some((s) => s.service === 'registry' && s.attributes['moukawil.request_id'] === requestId)).toBe(true);
    expect(trace.some((s) => s.service === 'registry' && s.attributes['db.system.name'] === 'postgresql')).toBe(true);
    // Statements are recorded with their placeholders, never their values (which may be personal data).
    expect(trace.flatMap((s) => Object.keys(s.attributes)).filter((key) => /values|parameter/.test(key))).toEqual([]);
  });
});
