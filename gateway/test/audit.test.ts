import { randomInt, randomUUID } from 'node:crypto';
import { freePort } from '../../test/ports';
import { startGateway, type ExtraGateway } from '../../test/gateway';
import { startSubgraph, type ExtraSubgraph as Service } from '../../test/subgraph';
import { codes, eventually, gql, heldDatabase, ok, signedToken, sqlOn, type TokenName } from '../../test/support';

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

  it('logs who read which people when a council lists them, and the national office alike', async () => {
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
    expect(await auditedBy(registry, () => gql(PEOPLE, { as: 'NATIONAL', origin: gateway.origin }))).toEqual([
      expect.objectContaining({ audit: 'personal-data-read', role: 'NATIONAL', people: 3 }),
    ]);
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

  it('keeps every read and write of a person in the owning subgraph, queryable by the national office by person, actor and period', async () => {
    const council = signedToken({ subject: `test-auditor-${randomUUID().slice(0, 8)}`, role: 'REGIONAL', region: 'MA-09' });
    const since = new Date().toISOString();
    const { autoEntrepreneurs } = ok(await gql(PEOPLE, { authorization: `Bearer ${council}`, origin: gateway.origin }));
    const person = autoEntrepreneurs.edges[0].node.id;
    ok(
      await gql(`{ enrolments(region: "MA-09", first: 2) { edges { node { beneficiary { id } } } } }`, {
        authorization: `Bearer ${council}`,
        origin: gateway.origin,
      }),
    );
    const TRAIL = `query($person: ID, $actor: ID, $from: String, $first: Int, $after: String) {
      auditTrail(person: $person, actor: $actor, from: $from, first: $first, after: $after) {
        edges { node { action actor role region people requestId at } } pageInfo { hasNextPage endCursor } } }`;
    const byActor = ok(
      await gql(TRAIL, { as: 'NATIONAL', variables: { actor: JSON.parse(Buffer.from(council.split('.')[1], 'base64url').toString()).sub, from: since } }),
    ).auditTrail;
    expect(byActor.edges.map((e: any) => e.node)).toEqual([
      expect.objectContaining({ action: 'PERSONAL_DATA_READ', role: 'REGIONAL', region: 'MA-09', people: expect.arrayContaining([person]) }),
    ]);
    expect(byActor.edges[0].node.requestId).toBeTruthy();
    const aboutPerson = ok(await gql(TRAIL, { as: 'NATIONAL', variables: { person, from: since } })).auditTrail.edges.map((e: any) => e.node.actor);
    expect(aboutPerson).toContain(byActor.edges[0].node.actor);
    // Newest first, in pages.
    const one = ok(await gql(TRAIL, { as: 'NATIONAL', variables: { first: 1 } })).auditTrail;
    const next = ok(await gql(TRAIL, { as: 'NATIONAL', variables: { first: 1, after: one.pageInfo.endCursor } })).auditTrail;
    expect(next.edges[0].node.at <= one.edges[0].node.at).toBe(true);
    // The programs subgraph keeps its own: who read which enrolments.
    const programsTrail = ok(
      await gql(`query($from: String) { programsAuditTrail(from: $from, first: 50) { edges { node { actor action } } } }`, {
        as: 'NATIONAL',
        variables: { from: since },
      }),
    );
    expect(programsTrail.programsAuditTrail.edges.map((e: any) => e.node.actor)).toContain(byActor.edges[0].node.actor);
    for (const as of ['REGIONAL_MA09', 'ADVISOR_MA09', 'PARTNER'] as const) expect(codes(await gql(TRAIL, { as }))).toEqual(['FORBIDDEN']);
    await expect(sqlOn('registry', `DELETE FROM audit_trail WHERE id = (SELECT max(id) FROM audit_trail)`)).rejects.toThrow(/append-only/);
  });

  it('purges the trail past its retention period, and nothing younger', async () => {
    const stamp = randomUUID();
    const insert = (age: string) =>
      sqlOn('programs', `INSERT INTO audit_trail (actor, action, at) VALUES ($1, 'RETENTION_TEST', now() - $2::interval)`, [`retention-${stamp}`, age]);
    await insert('3 days');
    await insert('1 hour');
    // No session can say it is the retention: a setting opens nothing, only audit_trail_purge does.
    for (const setting of [`SET moukawil.audit_retention = '1'`, `SELECT set_config('moukawil.audit_retention', '1', false)`]) {
      await expect(sqlOn('programs', `${setting}; DELETE FROM audit_trail WHERE actor = 'retention-${stamp}'`)).rejects.toThrow(/append-only/);
    }
    await expect(sqlOn('programs', `SELECT audit_trail_purge(0)`)).rejects.toThrow(/at least one day/);
    // A programs process kept to 2 days purges at start (as every day).
    const kept = await startSubgraph('programs', await freePort(), { AUDIT_RETENTION_DAYS: '2', LOG_LEVEL: 'info' });
    try {
      const db = await heldDatabase('programs');
      const left = async () => (await db.query(`SELECT count(*)::int AS n FROM audit_trail WHERE actor = $1`, [`retention-${stamp}`])).rows[0].n;
      try {
        await eventually('the 3-day-old line purged', async () => (await left()) !== 2);
        expect(await left()).toBe(1);
      } finally {
        await db.end();
      }
    } finally {
      kept.child.kill('SIGTERM');
    }
  });
});
