import { codes, gql, ok, sqlOn } from '../../../test/support';

// Béni Mellal-Khénifra (MA-07) is read by this file and written by no test file: its enrolments stand still.
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
    const [{ programme_code: programme }] = await sqlOn('programs', `SELECT programme_code FROM enrolment WHERE region_code = 'MA-07' GROUP BY 1 ORDER BY count(*) DESC LIMIT 1`);
    const expected = (await sqlOn('programs', `SELECT id FROM enrolment WHERE region_code = 'MA-07' AND programme_code = $1 AND status = 'ACTIVE' ORDER BY enrolled_at, id`, [programme])).map((r) => r.id);
    const { ids, totalCount } = await walk({ region: 'MA-07', programme, status: 'ACTIVE', first: 3 });
    expect(ids).toEqual(expected);
    expect(totalCount).toBe(expected.length);
  });

  it('costs the same SQL statements on a late page as on the first', async () => {
    const first = await gql(PAGE, { as: 'NATIONAL', traceSql: true, variables: { first: 5 } });
    const { ids } = await walk({ first: 50 });
    const lateCursor = ok(await gql(PAGE, { as: 'NATIONAL', variables: { first: ids.length - 10 } })).enrolments.pageInfo.endCursor;
    const late = await gql(PAGE, { as: 'NATIONAL', traceSql: true, variables: { first: 5, after: lateCursor } });
    expect(ok(late).enrolments.edges).toHaveLength(5);
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
    for (const variables of [{ first: 0 }, { first: 501 }, { after: 'bm90IGEgY3Vyc29y' }, { after: Buffer.from('["yesterday","x"]').toString('base64url') }, { programme: 'NO-SUCH-PROGRAMME' }]) {
      expect(codes(await gql(PAGE, { as: 'NATIONAL', variables }))).toEqual(['BAD_USER_INPUT']);
    }
  });
});
