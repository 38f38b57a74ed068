import { freePort } from '../../../test/ports';
import { startSubgraph, type ExtraSubgraph } from '../../../test/subgraph';
import { codes, gql, ok, sqlOn } from '../../../test/support';

/**
 * A programs subgraph of this file's own, over databases of its own: nobody else writes there, so
 * the SQL statements of two reads are compared exactly (another suite's write would make a read
 * load kept figures again, one statement more).
 */
let own: ExtraSubgraph;
const OWN = () => `http://127.0.0.1:${own.port}`;
beforeAll(async () => {
  own = await startSubgraph('programs', await freePort(), { DATABASE_PREFIX: 'pages_', SEED_REGISTRATIONS: '300', SNAPSHOT_SCHEDULE: 'off' });
});
afterAll(() => own?.child.kill('SIGTERM'));

// Marrakech-Safi (MA-07) is a still region (test/regions.ts): its enrolments stand still while this file walks them.
const PAGE = `query($programme: ID, $region: ID, $status: EnrolmentStatus, $first: Int, $after: String) {
  enrolments(programme: $programme, region: $region, status: $status, first: $first, after: $after) {
    edges { cursor node { id regionCode status programme { code } } } pageInfo { hasNextPage endCursor } totalCount } }`;

async function walk(variables: Record<string, unknown>, as: 'NATIONAL' | 'REGIONAL_MA09' = 'NATIONAL') {
  const ids: string[] = [];
  let after: string | null = null;
  let totalCount = 0;
  for (let page = 0; page < 1_000; page++) {
    const { enrolments } = ok(await gql(PAGE, { as, variables: { ...variables, after } }));
    ids.push(...enrolments.edges.map((e: any) => e.node.id));
    totalCount = enrolments.totalCount;
    if (!enrolments.pageInfo.hasNextPage) break;
    after = enrolments.pageInfo.endCursor;
  }
  return { ids, totalCount };
}

describe('Query.enrolments: keyset pages of enrolments', () => {
  it('walks every enrolment of a region without gaps or repeats, in date order', async () => {
    const expected = (await sqlOn('programs', `SELECT id FROM enrolment WHERE region_code = 'MA-07' ORDER BY enrolled_at, id`)).map((r) => r.id);
    expect(expected.length).toBeGreaterThan(10);
    const { ids, totalCount } = await walk({ region: 'MA-07', first: 7 });
    expect(ids).toEqual(expected);
    expect(totalCount).toBe(expected.length);
  });

  it('filters by programme and status, with matching counts', async () => {
    const [{ programme_code: programme }] = await sqlOn(
      'programs',
      `SELECT programme_code FROM enrolment WHERE region_code = 'MA-07' GROUP BY 1 ORDER BY count(*) DESC LIMIT 1`,
    );
    const expected = (
      await sqlOn('programs', `SELECT id FROM enrolment WHERE region_code = 'MA-07' AND programme_code = $1 AND status = 'ACTIVE' ORDER BY enrolled_at, id`, [
        programme,
      ])
    ).map((r) => r.id);
    const { ids, totalCount } = await walk({ region: 'MA-07', programme, status: 'ACTIVE', first: 3 });
    expect(ids).toEqual(expected);
    expect(totalCount).toBe(expected.length);
  });

  it('costs the same SQL statements on a late page as on the first', async () => {
    const at = { as: 'NATIONAL', origin: OWN() } as const;
    const { totalCount } = ok(await gql(PAGE, { ...at, variables: { first: 1 } })).enrolments;
    const lateCursor = ok(await gql(PAGE, { ...at, variables: { first: totalCount - 10 } })).enrolments.pageInfo.endCursor;
    const first = await gql(PAGE, { ...at, traceSql: true, variables: { first: 5 } });
    const late = await gql(PAGE, { ...at, traceSql: true, variables: { first: 5, after: lateCursor } });
    expect(ok(late).enrolments.edges).toHaveLength(5);
    expect(late.extensions!.sqlStatements).toBeTruthy();
    expect(late.extensions!.sqlStatements).toEqual(first.extensions!.sqlStatements);
  });

  it('scopes a council to its region and refuses the public and other regions', async () => {
    const { enrolments } = ok(await gql(PAGE, { as: 'REGIONAL_MA09', variables: { first: 100 } }));
    expect(enrolments.edges.length).toBeGreaterThan(0);
    expect(new Set(enrolments.edges.map((e: any) => e.node.regionCode))).toEqual(new Set(['MA-09']));
    expect(codes(await gql(PAGE, { as: 'REGIONAL_MA09', variables: { region: 'MA-07' } }))).toEqual(['FORBIDDEN']);
    expect(codes(await gql(PAGE, { variables: {} }))).toEqual(['FORBIDDEN']);
    expect(codes(await gql(PAGE, { as: 'PARTNER', variables: {} }))).toEqual(['FORBIDDEN']);
    expect(codes(await gql(PAGE, { service: 'programs', variables: { region: 'MA-07' } }))).toEqual(['FORBIDDEN']);
  });

  it('refuses bad pages, cursors and programmes with BAD_USER_INPUT', async () => {
    for (const variables of [
      { first: 0 },
      { first: 501 },
      { after: 'bm90IGEgY3Vyc29y' },
      { after: Buffer.from('["yesterday","x"]').toString('base64url') },
      { programme: 'NO-SUCH-PROGRAMME' },
    ]) {
      expect(codes(await gql(PAGE, { as: 'NATIONAL', variables }))).toEqual(['BAD_USER_INPUT']);
    }
  });
});

describe('Query.eventsConnection and Query.advisorsConnection: the network in keyset pages', () => {
  const EVENTS = `query($region: ID, $kind: EventKind, $year: Int, $first: Int, $after: String) {
    eventsConnection(region: $region, kind: $kind, year: $year, first: $first, after: $after) { edges { node { id } } pageInfo { hasNextPage endCursor } totalCount } }`;
  const ADVISORS = `query($region: ID, $first: Int, $after: String) {
    advisorsConnection(region: $region, first: $first, after: $after) { edges { node { id region { code } } } pageInfo { hasNextPage endCursor } totalCount } }`;

  async function walkAll(query: string, field: 'eventsConnection' | 'advisorsConnection', variables: Record<string, unknown>) {
    const ids: string[] = [];
    let after: string | null = null;
    let totalCount = 0;
    for (let page = 0; page < 1_000; page++) {
      const page_ = ok(await gql(query, { variables: { ...variables, after } }))[field];
      ids.push(...page_.edges.map((e: any) => e.node.id));
      totalCount = page_.totalCount;
      if (!page_.pageInfo.hasNextPage) break;
      after = page_.pageInfo.endCursor;
    }
    return { ids, totalCount };
  }

  it('gives the events of Query.events, in the same order, a page at a time, with every filter', async () => {
    const [{ year }] = await sqlOn(
      'programs',
      `SELECT extract(year FROM held_on)::int AS year FROM event WHERE region_code = 'MA-07' GROUP BY 1 ORDER BY count(*) DESC LIMIT 1`,
    );
    // Other suites record events today and in 2024, anywhere but the still regions (test/regions.ts): the
    // lists walked across regions are of a year of the demo's past (MA-07's busiest), which no suite writes.
    for (const filters of [{ year }, { region: 'MA-07' }, { region: 'MA-07', year }, { kind: 'AWARENESS', year }]) {
      const whole = ok(
        await gql(`query($region: ID, $kind: EventKind, $year: Int) { events(region: $region, kind: $kind, year: $year) { id } }`, { variables: filters }),
      ).events.map((e: any) => e.id);
      expect(whole.length).toBeGreaterThan(0);
      const { ids, totalCount } = await walkAll(EVENTS, 'eventsConnection', { ...filters, first: 4 });
      expect(ids).toEqual(whole);
      expect(totalCount).toBe(whole.length);
    }
  });

  it('gives every advisor once, region by region, with the same SQL statements on a late page as on the first', async () => {
    const whole = (await sqlOn('programs', `SELECT id FROM advisor ORDER BY region_code, id`)).map((r) => r.id);
    const { ids, totalCount } = await walkAll(ADVISORS, 'advisorsConnection', { first: 7 });
    expect(ids).toEqual(whole);
    expect(totalCount).toBe(whole.length);
    const regional = await walkAll(ADVISORS, 'advisorsConnection', { region: 'MA-07', first: 2 });
    expect(regional.ids).toEqual((await sqlOn('programs', `SELECT id FROM advisor WHERE region_code = 'MA-07' ORDER BY id`)).map((r) => r.id));
    // As for the enrolments' pages: on this file's own subgraph, where nobody else writes.
    const at = { origin: OWN() } as const;
    const { totalCount: advisors } = ok(await gql(ADVISORS, { ...at, variables: { first: 1 } })).advisorsConnection;
    const lateCursor = ok(await gql(ADVISORS, { ...at, variables: { first: advisors - 4 } })).advisorsConnection.pageInfo.endCursor;
    const first = await gql(ADVISORS, { ...at, traceSql: true, variables: { first: 3 } });
    const late = await gql(ADVISORS, { ...at, traceSql: true, variables: { first: 3, after: lateCursor } });
    expect(ok(late).advisorsConnection.edges).toHaveLength(3);
    expect(late.extensions!.sqlStatements).toBeTruthy();
    expect(late.extensions!.sqlStatements).toEqual(first.extensions!.sqlStatements);
  });

  it('refuses bad pages and cursors with BAD_USER_INPUT', async () => {
    const notOurs = Buffer.from('["MA-99","x"]').toString('base64url');
    for (const [query, variables] of [
      [EVENTS, { first: 0 }],
      [EVENTS, { after: 'bm90IGEgY3Vyc29y' }],
      [ADVISORS, { first: 501 }],
      [ADVISORS, { after: notOurs }],
    ] as const) {
      expect(codes(await gql(query, { variables }))).toEqual(['BAD_USER_INPUT']);
    }
  });
});
