import { randomInt, randomUUID } from 'node:crypto';
import { freePort } from '../../test/ports';
import { startGateway, type ExtraGateway } from '../../test/gateway';
import { exited, startSubgraph, type ExtraSubgraph } from '../../test/subgraph';
import { codes, eventually, gql, heldDatabase, ok, sqlOn, type GraphQLResult, type TokenName } from '../../test/support';

/** Exactly once: a mutation sent with an Idempotency-Key is applied once, and every retry gets its answer (docs/idempotency.md). */
const SUBMIT = `mutation($input: ApplicationInput!) { submitApplication(input: $input) { id status } }`;
// The shared stack's writes go to Drâa-Tafilalet (MA-08), an open region (test/regions.ts).
const input = (nationalId: string, region = 'MA-08') => ({
  fullName: 'Samira Idempotente',
  nationalId,
  gender: 'FEMALE',
  birthDate: '1990-05-05',
  region,
  activityCode: 'S-01',
});
const freshCin = (prefix: string) => `${prefix}${randomInt(1_000_000, 10_000_000)}`;
const rows = async (nationalId: string) =>
  (await sqlOn('registry', `SELECT count(*)::int AS n FROM auto_entrepreneur WHERE national_id = $1`, [nationalId]))[0].n;
const replayed = (result: GraphQLResult) => result.headers?.get('idempotent-replay') === 'true';

describe('idempotency keys', () => {
  it('applies a retried mutation once, replays its answer with idempotent-replay, and refuses the key for another request', async () => {
    const nationalId = freshCin('IR');
    const key = `test-${randomUUID()}`;
    const call = (variables: object) => gql(SUBMIT, { as: 'ADVISOR_MA09', variables, headers: { 'idempotency-key': key } });
    const first = await call({ input: input(nationalId, 'MA-09') });
    const again = await call({ input: input(nationalId, 'MA-09') });
    expect(replayed(first)).toBe(false);
    expect(replayed(again)).toBe(true);
    expect(ok(again)).toEqual(ok(first));
    expect(await rows(nationalId)).toBe(1);
    const other = await call({ input: input(freshCin('IR'), 'MA-09') });
    expect(codes(other)).toEqual(['BAD_USER_INPUT']);
    expect(other.errors![0].message).toMatch(/different request/);
  });

  it('passes idempotent-replay on when the plan also read from another subgraph', async () => {
    const query = `mutation($input: ApplicationInput!) { submitApplication(input: $input) { id enrolments { id } } }`;
    const key = `test-${randomUUID()}`;
    const variables = { input: input(freshCin('IP')) };
    const first = await gql(query, { as: 'NATIONAL', variables, headers: { 'idempotency-key': key } });
    const again = await gql(query, { as: 'NATIONAL', variables, headers: { 'idempotency-key': key } });
    expect(ok(again)).toEqual(ok(first));
    expect(ok(first).submitApplication.enrolments).toEqual([]); // answered by the programs subgraph
    expect([replayed(first), replayed(again)]).toEqual([false, true]);
  });

  it('applies each part once when the plan calls one subgraph twice (registry, indicators, registry)', async () => {
    const query = `mutation($a: ApplicationInput!, $b: AssessmentInput!, $c: ApplicationInput!) {
      a: submitApplication(input: $a) { id } b: recordAssessment(input: $b) { rating } c: submitApplication(input: $c) { id } }`;
    const key = `test-${randomUUID()}`;
    const variables = {
      a: input(freshCin('IA')),
      c: input(freshCin('IA')),
      b: { indicator: 'ADVISOR_SUPPORT_QUALITY', region: 'MA-08', year: 2016, rating: 3, comment: `Idempotency parts ${key}` },
    };
    const first = await gql(query, { as: 'NATIONAL', variables, headers: { 'idempotency-key': key } });
    const again = await gql(query, { as: 'NATIONAL', variables, headers: { 'idempotency-key': key } });
    expect(ok(again)).toEqual(ok(first));
    expect(ok(first).a.id).not.toBe(ok(first).c.id);
    expect(replayed(again)).toBe(true);
    expect([await rows(variables.a.nationalId), await rows(variables.c.nationalId)]).toEqual([1, 1]);
    const assessments = await sqlOn('indicators', `SELECT count(*)::int AS n FROM assessment WHERE comment = $1`, [variables.b.comment]);
    expect(assessments[0].n).toBe(1);
  });

  it("fingerprints the client's request, not the text the gateway sends on: straight to the registry, then through the gateway, is one request", async () => {
    const key = `test-${randomUUID()}`;
    const variables = { input: input(freshCin('IF')) };
    const direct = await gql(SUBMIT, { as: 'NATIONAL', variables, service: 'registry', headers: { 'idempotency-key': key } });
    const through = await gql(SUBMIT, { as: 'NATIONAL', variables, headers: { 'idempotency-key': key } });
    expect(ok(through)).toEqual(ok(direct));
    expect(replayed(through)).toBe(true);
    expect(await rows(variables.input.nationalId)).toBe(1);
  });

  it("never replays one caller's answer to another caller with the same key", async () => {
    const key = `test-${randomUUID()}`;
    const nationalId = freshCin('IO');
    const advisor = await gql(SUBMIT, { as: 'ADVISOR_MA09', variables: { input: input(nationalId, 'MA-09') }, headers: { 'idempotency-key': key } });
    // The same body from the national office runs for itself: the CIN is live now, so it is refused, not replayed.
    const national = await gql(SUBMIT, { as: 'NATIONAL', variables: { input: input(nationalId, 'MA-09') }, headers: { 'idempotency-key': key } });
    expect(ok(advisor).submitApplication.id).toBeTruthy();
    expect(codes(national)).toEqual(['BAD_USER_INPUT']);
    expect(national.errors![0].message).toMatch(/live application/);
    expect(replayed(national)).toBe(false);
    // Another body from another caller with that key is a request of its own: applied.
    const another = await gql(SUBMIT, { as: 'NATIONAL', variables: { input: input(freshCin('IO')) }, headers: { 'idempotency-key': key } });
    expect(ok(another).submitApplication.id).not.toBe(ok(advisor).submitApplication.id);
  });

  it('applies concurrent retries once, and answers every one of them with that answer', async () => {
    const nationalId = freshCin('IC');
    const key = `test-${randomUUID()}`;
    const results = await Promise.all(
      Array.from({ length: 4 }, () => gql(SUBMIT, { as: 'NATIONAL', variables: { input: input(nationalId) }, headers: { 'idempotency-key': key } })),
    );
    expect(await rows(nationalId)).toBe(1);
    expect(results.map((r) => r.errors)).toEqual([undefined, undefined, undefined, undefined]);
    expect(new Set(results.map((r) => r.data.submitApplication.id)).size).toBe(1);
    expect(results.filter(replayed)).toHaveLength(3);
  });

  it('forgets keys after 24 hours: purged in the background, and free again at once when reused', async () => {
    const stamp = randomUUID();
    const old = (name: string) =>
      sqlOn(
        'registry',
        `INSERT INTO idempotency_key (subject, key, request_hash, response, created_at) VALUES ('test-national', $1, repeat('0', 64), '{}', now() - interval '25 hours')`,
        [`test-${stamp}-${name}`],
      );
    await old('purged');
    await old('reused');
    await sqlOn(
      'registry',
      `INSERT INTO idempotency_key (subject, key, request_hash, response, created_at) VALUES ('test-national', $1, repeat('0', 64), '{}', now() - interval '23 hours')`,
      [`test-${stamp}-kept`],
    );
    // Reused after expiry with another request: applied, not refused as "a different request".
    const nationalId = freshCin('IE');
    ok(await gql(SUBMIT, { as: 'NATIONAL', variables: { input: input(nationalId) }, headers: { 'idempotency-key': `test-${stamp}-reused` } }));
    expect(await rows(nationalId)).toBe(1);
    // The purge runs every IDEMPOTENCY_PURGE_SECONDS (2 s in the test stack): wait for its effect, not for a duration.
    const db = await heldDatabase('registry');
    try {
      const left = async () =>
        (await db.query(`SELECT key FROM idempotency_key WHERE key LIKE $1 ORDER BY key`, [`test-${stamp}-%`])).rows.map((r: { key: string }) => r.key);
      await eventually('the expired key purged', async () => !(await left()).includes(`test-${stamp}-purged`), 10_000, 100);
      expect(await left()).toEqual([`test-${stamp}-kept`, `test-${stamp}-reused`]);
    } finally {
      await db.end();
    }
  });
});

/**
 * The registry of this suite dies (SIGKILL, through the kit's fault point) right after a keyed
 * mutation has committed and before its answer leaves the process, twice, under four concurrent
 * writers; each writer retries with the same key, as a careful client does, until it gets an
 * answer. Its database is its own (prefix crash_), so no other suite sees these writes.
 */
describe('exactly once across a crash between commit and answer', () => {
  let registry: ExtraSubgraph;
  let registryPort: number;
  let gateway: ExtraGateway;
  const env = { DATABASE_PREFIX: 'crash_', SEED_REGISTRATIONS: '50' };

  beforeAll(async () => {
    registryPort = await freePort();
    registry = await startSubgraph('registry', registryPort, { ...env, MOUKAWIL_FAULT: 'after-commit:9' });
    gateway = await startGateway(await freePort(), {
      REGISTRY_URL: `http://127.0.0.1:${registryPort}/graphql`,
      RATE_LIMIT_PER_MINUTE: '0',
      CACHE_TTL_SECONDS: '0',
    });
  }, 60_000);
  afterAll(async () => {
    await gateway?.stop();
    registry?.child.kill('SIGTERM');
  });

  it('gives each of 48 writes retried across 2 crashes its own answer: 0 CONFLICT, 0 duplicates, 0 lost', async () => {
    const WRITERS = 4;
    const EACH = 12;
    const as: TokenName = 'NATIONAL';
    let done = false;
    let crashes = 0;
    // Starts the registry again each time it dies: armed once more the first time, then not.
    const supervisor = (async () => {
      while (!done) {
        await exited(registry.child);
        if (done) break;
        crashes++;
        registry = await startSubgraph('registry', registryPort, { ...env, ...(crashes === 1 ? { MOUKAWIL_FAULT: 'after-commit:13' } : {}) });
      }
    })();

    const outcomes: Array<{ nationalId: string; id: string | null; replay: boolean; conflicts: number; attempts: number }> = [];
    const write = async (nationalId: string) => {
      const key = `crash-${randomUUID()}`;
      const outcome = { nationalId, id: null as string | null, replay: false, conflicts: 0, attempts: 0 };
      outcomes.push(outcome);
      while (outcome.attempts < 400) {
        outcome.attempts++;
        const result = await gql(SUBMIT, {
          as,
          variables: { input: input(nationalId, 'MA-12') },
          origin: gateway.origin,
          headers: { 'idempotency-key': key },
        }).catch(() => null);
        if (result && !result.errors) {
          outcome.id = result.data.submitApplication.id;
          outcome.replay = replayed(result);
          return;
        }
        const code = result?.errors?.[0].extensions?.code;
        if (code === 'CONFLICT') outcome.conflicts++;
        else if (result && code !== 'SUBGRAPH_UNAVAILABLE' && code !== 'SERVICE_UNAVAILABLE')
          throw new Error(`${nationalId}: ${JSON.stringify(result.errors)}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    };
    await Promise.all(
      Array.from({ length: WRITERS }, async () => {
        for (let i = 0; i < EACH; i++) await write(freshCin('XC'));
      }),
    );
    done = true;

    const nationalIds = outcomes.map((o) => o.nationalId);
    const stored = await sqlOn('registry', `SELECT national_id, id::text FROM auto_entrepreneur WHERE national_id = ANY($1)`, [nationalIds], 'crash_');
    const summary = {
      writes: outcomes.length,
      crashes,
      answered: outcomes.filter((o) => o.id).length,
      conflicts: outcomes.reduce((n, o) => n + o.conflicts, 0),
      duplicates: stored.length - new Set(stored.map((r) => r.national_id)).size,
      lost: nationalIds.filter((n) => !stored.some((r) => r.national_id === n)).length,
      answersNotTheirOwn: outcomes.filter((o) => stored.find((r) => r.national_id === o.nationalId)?.id !== o.id).length,
    };
    expect(summary).toEqual({ writes: WRITERS * EACH, crashes: 2, answered: WRITERS * EACH, conflicts: 0, duplicates: 0, lost: 0, answersNotTheirOwn: 0 });
    // The writes whose answers died with the process got them from the store, as replays.
    expect(outcomes.filter((o) => o.replay).length).toBeGreaterThanOrEqual(2);
    void supervisor; // ends when afterAll stops the registry
  }, 120_000);
});
