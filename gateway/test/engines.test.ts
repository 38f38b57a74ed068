import { randomInt, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { SUBGRAPH_REQUEST_HEADERS, SUBGRAPH_RESPONSE_HEADERS } from '../../kit/src/core/headers';
import { LIMITS } from '../../kit/src/core/limits';
import { startHiveGateway, type ExtraGateway } from '../../test/gateway';
import { freePort } from '../../test/ports';
import { codes, gql, ok, sqlOn, type Call, type TokenName } from '../../test/support';
import { EXAMPLE_OPERATIONS } from '../src/examples';
import {
  NATIONAL_OVERVIEW_QUERY,
  REGION_INDICATORS_QUERY,
  REGION_OVERVIEW_QUERY,
  REGION_PROGRAMMES_QUERY,
  REGION_REGISTER_QUERY,
} from '../web/dashboard/queries';
import { describeAccessMatrix } from './access-matrix';

/**
 * A second federation engine over the same committed supergraph: Hive Gateway with the
 * repository's configuration. The graph's rules live in the subgraphs, so they hold whichever
 * engine federates it; these tests prove it on the paths users take.
 */
let hive: ExtraGateway;
beforeAll(async () => {
  hive = await startHiveGateway(await freePort());
}, 30_000);
afterAll(() => hive?.stop());

const TOKEN_OF_ROLE: Record<string, TokenName> = { REGIONAL: 'REGIONAL_MA09', ADVISOR: 'ADVISOR_MA09', NATIONAL: 'NATIONAL' };
// Ours read past its public response cache (a traced request is never cached: an anonymous answer
// may otherwise be up to CACHE_TTL_SECONDS old), since Hive Gateway keeps none and reads live.
const ours = (query: string, call: Call) => gql(query, { ...call, traceSql: true });
const both = async (query: string, call: Call) => [await ours(query, call), await gql(query, { ...call, origin: hive.origin })];

/**
 * Hive Gateway's answer and ours of the same moment. Other suites write while this one reads, so
 * ours is read just before and just after Hive Gateway's, again until those two are the same (at
 * most five tries); the counts only grow, so Hive Gateway's, between them, saw the same state.
 */
async function atOneMoment(query: string, call: Call) {
  for (let attempt = 1; ; attempt++) {
    const [before, theirs] = await both(query, call);
    const after = await ours(query, call);
    if (JSON.stringify(before.data) === JSON.stringify(after.data) || attempt === 5) return { theirs, ours: after };
  }
}

describeAccessMatrix('through Hive Gateway: the access matrix', () => hive.origin, false);

describe('through Hive Gateway', () => {
  it.each(['NATIONAL', 'REGIONAL_MA09', undefined] as const)('answers the dashboards as our gateway does (%s)', async (as) => {
    for (const [query, variables] of [
      [NATIONAL_OVERVIEW_QUERY, { year: 2020 }],
      [REGION_OVERVIEW_QUERY, { code: 'MA-06', year: 2020 }],
      [REGION_REGISTER_QUERY, { code: 'MA-06' }],
      [REGION_PROGRAMMES_QUERY, { code: 'MA-06', people: as !== undefined }],
      [REGION_INDICATORS_QUERY, { code: 'MA-06', year: 2020 }],
    ] as const) {
      const answers = await atOneMoment(query, { as, variables });
      expect(answers.theirs.status).toBe(200);
      expect(answers.ours.data).toBeTruthy(); // a view's whole answer, not an error both gateways would share
      expect(answers.theirs.data).toEqual(answers.ours.data);
      // The same refusals (Hive Gateway folds identical errors into one).
      expect([...new Set(codes(answers.theirs))]).toEqual([...new Set(codes(answers.ours))]);
    }
  });

  it.each(EXAMPLE_OPERATIONS.map((e) => [e.title, e] as const))("runs the explorer's saved operation %s", async (_title, example) => {
    const variables = JSON.parse(JSON.stringify(example.variables ?? {}));
    if (variables.input?.nationalId) variables.input.nationalId = `ZH${randomInt(100_000, 1_000_000)}`;
    const as = example.role ? TOKEN_OF_ROLE[example.role] : undefined;
    if (/^\s*mutation/.test(example.query)) {
      // Written through Hive Gateway: what it answers is what the graph holds once written.
      const written = ok(await gql(example.query, { variables, as, origin: hive.origin }));
      const [field] = Object.keys(written);
      expect(written[field]).toBeTruthy();
      if (field === 'submitApplication') {
        const { id, status } = written[field];
        const read = ok(await gql(`query($id: ID!) { autoEntrepreneur(id: $id) { id status nationalId } }`, { as: 'NATIONAL', variables: { id } }));
        expect(read.autoEntrepreneur).toEqual({ id, status, nationalId: variables.input.nationalId });
      }
      return;
    }
    const answers = await atOneMoment(example.query, { variables, as });
    expect(answers.theirs.errors).toBeUndefined();
    expect(answers.theirs.data).toEqual(ok(answers.ours));
  });

  it('applies a retried mutation once and marks the replay', async () => {
    const nationalId = `HV${randomInt(1_000_000, 10_000_000)}`;
    const input = { fullName: 'Samira Hive', nationalId, gender: 'FEMALE', birthDate: '1990-05-05', region: 'MA-08', activityCode: 'S-01' };
    const key = `hive-${randomUUID()}`;
    const send = () =>
      gql(`mutation($input: ApplicationInput!) { submitApplication(input: $input) { id status } }`, {
        as: 'NATIONAL',
        variables: { input },
        headers: { 'idempotency-key': key },
        origin: hive.origin,
      });
    const first = await send();
    const again = await send();
    expect(ok(again)).toEqual(ok(first));
    expect([first.headers!.get('idempotent-replay'), again.headers!.get('idempotent-replay')]).toEqual([null, 'true']);
    const [{ n }] = await sqlOn('registry', `SELECT count(*)::int AS n FROM auto_entrepreneur WHERE national_id = $1`, [nationalId]);
    expect(n).toBe(1);
  });

  it('gives a partial answer when a subgraph is down', async () => {
    const silent = await startHiveGateway(await freePort(), { INDICATORS_URL: `http://127.0.0.1:${await freePort()}/graphql` });
    try {
      const result = await gql(`{ regions { code name scorecardFor(year: 2020) { scope } } }`, { origin: silent.origin });
      expect(result.status).toBe(200);
      expect(result.data!.regions.map((r: { code: string }) => r.code)).toHaveLength(12);
      expect(result.data!.regions.every((r: { scorecardFor: unknown }) => r.scorecardFor === null)).toBe(true);
      // Hive Gateway masks the reason ("Unexpected error."; ours names the subgraph), not where it is.
      expect(result.errors!.map((e) => e.path)).toContainEqual(['regions', 'scorecardFor']);
    } finally {
      await silent.stop();
    }
  });

  it('refuses what our gateway refuses before planning: depth, aliases, directives, tokens', async () => {
    const deep = `{ ${'regions { provinces { region { '.repeat(5)}code${' } } }'.repeat(5)} }`;
    const aliases = `{ ${Array.from({ length: 16 }, (_, i) => `a${i}: regions { code }`).join(' ')} }`;
    const directives = `{ regions { code ${'@include(if: true) '.repeat(11)} } }`;
    const tokens = `{ ${'regions { code } '.repeat(300)} }`;
    for (const query of [deep, aliases, directives, tokens]) {
      const [ours, theirs] = await both(query, {});
      expect(ours.data ?? null).toBeNull();
      expect(theirs.data ?? null).toBeNull();
      expect(theirs.errors!.length).toBeGreaterThan(0);
    }
  });

  it('refuses by the same cost directives what our gateway refuses, page sizes given as variables alike', async () => {
    const stall = `{ advisors { workshop { trained { workshop { trained { workshop { trained { id } } } } } } } }`;
    const paged = `query($first: Int) { autoEntrepreneurs(first: $first) { edges { node { id declarations { id } again: declarations { id } history { id } } } } }`;
    for (const [query, variables] of [
      [stall, {}],
      [paged, { first: 500 }],
    ] as const) {
      const [ours, theirs] = await both(query, { as: 'NATIONAL', variables });
      expect([ours.status, ours.errors?.[0]?.extensions?.limit]).toEqual([400, 'cost']);
      expect([theirs.data ?? null, theirs.errors?.[0]?.extensions?.code]).toEqual([null, 'COST_ESTIMATED_TOO_EXPENSIVE']);
    }
    // The same operation with a small page: both answer it.
    const [ours, theirs] = await both(paged, { as: 'NATIONAL', variables: { first: 2 } });
    expect([ours.errors, theirs.errors]).toEqual([undefined, undefined]);
  });
});

describe('the engines’ configurations', () => {
  it('forward every header a subgraph reads, and pass the replay mark back (Hive Gateway, Apollo Router)', () => {
    const hiveConfig = readFileSync(join(__dirname, '..', 'engines', 'hive.config.mjs'), 'utf8');
    expect(hiveConfig).toMatch(/fromClientToSubgraphs: .*SUBGRAPH_REQUEST_HEADERS/);
    expect(hiveConfig).toMatch(/fromSubgraphsToClient: .*SUBGRAPH_RESPONSE_HEADERS/);
    const router = parseYaml(readFileSync(join(__dirname, '..', '..', 'router.yaml'), 'utf8'));
    const propagated = router.headers.all.request.map((rule: { propagate: { named: string } }) => rule.propagate.named);
    expect([...propagated].sort()).toEqual([...SUBGRAPH_REQUEST_HEADERS].sort());
    expect(SUBGRAPH_RESPONSE_HEADERS).toEqual(['idempotent-replay']);
    expect(router.limits).toMatchObject({ max_depth: LIMITS.depth, max_aliases: LIMITS.aliases });
    expect(router.demand_control).toEqual({ enabled: true, mode: 'enforce', strategy: { static_estimated: { list_size: LIMITS.listSize, max: LIMITS.cost } } });
  });
});
