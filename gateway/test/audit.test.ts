import { randomInt, randomUUID } from 'node:crypto';
import { freePort } from '../../test/ports';
import { startGateway, type ExtraGateway } from '../../test/gateway';
import { startSubgraph, type ExtraSubgraph as Service } from '../../test/subgraph';
import { gql, ok, type TokenName } from '../../test/support';

/**
 * The audit trail of law 09-08 as the logs show it: a registry and a programs subgraph of this
 * suite's own (over the shared test databases, logging at info level) behind a gateway of its own.
 */
describe('audit of personal data (law 09-08)', () => {
  let registry: Service;
  let programs: Service;
  let gateway: ExtraGateway;

  beforeAll(async () => {
    registry = await startSubgraph('registry', await freePort(), { LOG_LEVEL: 'info' });
    gateway = await startGateway(await freePort(), {
      REGISTRY_URL: `http://127.0.0.1:${registry.port}/graphql`,
      CACHE_TTL_SECONDS: '0',
      RATE_LIMIT_PER_MINUTE: '0',
    });
    programs = await startSubgraph('programs', await freePort(), { LOG_LEVEL: 'info', GATEWAY_URL: `${gateway.origin}/graphql` });
    await gateway.stop();
    gateway = await startGateway(await freePort(), {
      REGISTRY_URL: `http://127.0.0.1:${registry.port}/graphql`,
      PROGRAMS_URL: `http://127.0.0.1:${programs.port}/graphql`,
      CACHE_TTL_SECONDS: '0',
      RATE_LIMIT_PER_MINUTE: '0',
    });
  }, 60_000);
  afterAll(async () => {
    await gateway?.stop();
    for (const service of [registry, programs]) service?.child.kill('SIGTERM');
  });

  /**
   * The audit lines a service logged while `run` ran. A line may be written just after its answer
   * left, so the end is marked by an audited read of this suite's own, sent straight to the
   * service once `run` is over: the lines are those logged before the marker's line appears
   * (the log is one ordered stream), waited for as an event, not for a duration.
   */
  async function auditedBy(service: Service, run: () => Promise<unknown>): Promise<Array<Record<string, any>>> {
    const from = service.lines.length;
    await run();
    const marker = randomUUID();
    const read =
      service === registry
        ? `{ autoEntrepreneurs(first: 1) { edges { node { id fullName } } } }`
        : `{ enrolments(first: 1) { edges { node { beneficiary { id } } } } }`;
    ok(await gql(read, { as: 'REGIONAL_MA09', origin: `http://127.0.0.1:${service.port}`, headers: { 'x-request-id': marker } }));
    const deadline = Date.now() + 10_000;
    const markerLine = () => service.lines.findIndex((line, i) => i >= from && line.audit && line.requestId === marker);
    while (markerLine() < 0 && Date.now() < deadline) await new Promise((r) => setImmediate(r));
    const end = markerLine();
    expect(end).toBeGreaterThanOrEqual(0);
    return service.lines.slice(from, end).filter((line) => line.audit);
  }

  const PEOPLE = `{ autoEntrepreneurs(region: "MA-09", first: 3) { edges { node { id fullName nationalId } } } }`;

  it('logs who read which people when a council lists them, and nothing for the national office', async () => {
    let ids: string[] = [];
    const lines = await auditedBy(registry, async () => {
      ids = ok(await gql(PEOPLE, { as: 'REGIONAL_MA09', origin: gateway.origin })).autoEntrepreneurs.edges.map((e: any) => e.node.id);
    });
    expect(ids).toHaveLength(3);
    expect(lines).toEqual([
      expect.objectContaining({
        audit: 'personal-data-read',
        role: 'REGIONAL',
        region: 'MA-09',
        actor: expect.any(String),
        people: 3,
        ids: expect.arrayContaining(ids),
      }),
    ]);
    expect(await auditedBy(registry, () => gql(PEOPLE, { as: 'NATIONAL', origin: gateway.origin }))).toEqual([]);
  });

  it('logs every write with its author', async () => {
    const input = {
      fullName: 'Yassine Audit',
      nationalId: `ZU${randomInt(1_000_000, 10_000_000)}`,
      gender: 'MALE',
      birthDate: '1990-02-02',
      region: 'MA-09',
      activityCode: 'C-01',
    };
    const as: TokenName = 'ADVISOR_MA09';
    let id = '';
    const lines = await auditedBy(registry, async () => {
      id = ok(
        await gql(`mutation($input: ApplicationInput!) { submitApplication(input: $input) { id } }`, { as, origin: gateway.origin, variables: { input } }),
      ).submitApplication.id;
    });
    expect(lines).toContainEqual(expect.objectContaining({ audit: 'write', role: 'ADVISOR', region: 'MA-09' }));
    expect(JSON.stringify(lines.filter((l) => l.audit === 'write'))).toContain(id);
  });

  it('logs a council reading who is enrolled, on the programs subgraph', async () => {
    const lines = await auditedBy(programs, async () => {
      const { enrolments } = ok(
        await gql(`{ enrolments(first: 4) { edges { node { beneficiary { id } } } } }`, { as: 'REGIONAL_MA09', origin: gateway.origin }),
      );
      expect(enrolments.edges.length).toBeGreaterThan(0);
    });
    expect(lines).toEqual([expect.objectContaining({ audit: 'personal-data-read', role: 'REGIONAL', region: 'MA-09' })]);
  });
});
