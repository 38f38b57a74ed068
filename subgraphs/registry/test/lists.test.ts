import { codes, gql, ok } from '../../../test/support';

const PAGE = `query($region: ID, $first: Int, $after: String, $status: RegistrationStatus, $segment: PopulationSegment, $category: ActivityCategory, $province: ID, $search: String) {
  autoEntrepreneurs(region: $region, first: $first, after: $after, status: $status, segment: $segment, activityCategory: $category, province: $province, search: $search) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { cursor node { id status segment activityCategory nationalId fullName registrationNumber region { code } province { code } } }
  }
}`;

async function allPages(variables: Record<string, unknown>) {
  const ids: string[] = [];
  let after: string | null = null;
  let total = -1;
  for (let page = 0; page < 100; page++) {
    const data: any = ok(await gql(PAGE, { as: 'NATIONAL', variables: { ...variables, after } })).autoEntrepreneurs;
    total = data.totalCount;
    ids.push(...data.edges.map((e: any) => e.node.id));
    if (!data.pageInfo.hasNextPage) break;
    after = data.pageInfo.endCursor;
  }
  return { ids, total };
}

// MA-04, MA-06 and MA-07 are still regions (test/regions.ts): no suite writes there while these pages are walked and counted.
describe('lists of auto-entrepreneurs', () => {
  it('walks every page of a region without gaps or repeats', async () => {
    const { ids, total } = await allPages({ region: 'MA-07', first: 37 });
    expect(total).toBeGreaterThan(100);
    expect(ids).toHaveLength(total);
    expect(new Set(ids).size).toBe(total);
  });

  it('filters by status, segment, activity category and province, with matching counts', async () => {
    const filters: Array<[string, Record<string, unknown>, (node: any) => boolean]> = [
      ['status', { status: 'REJECTED' }, (n) => n.status === 'REJECTED'],
      ['segment', { segment: 'STUDENT' }, (n) => n.segment === 'STUDENT'],
      ['category', { category: 'ARTISANAL' }, (n) => n.activityCategory === 'ARTISANAL'],
      ['province', { province: 'MA-06-CAS' }, (n) => n.province.code === 'MA-06-CAS'],
    ];
    for (const [, variables, predicate] of filters) {
      const data = ok(await gql(PAGE, { as: 'NATIONAL', variables: { region: 'MA-06', first: 500, ...variables } })).autoEntrepreneurs;
      expect(data.totalCount).toBeGreaterThan(0);
      expect(data.edges).toHaveLength(data.totalCount);
      expect(data.edges.every((e: any) => predicate(e.node))).toBe(true);
    }
  });

  it('finds people by CIN, RNAE number or part of a name', async () => {
    const sample = ok(await gql(PAGE, { as: 'NATIONAL', variables: { region: 'MA-04', status: 'REGISTERED', first: 1 } })).autoEntrepreneurs.edges[0].node;
    const byCin = ok(await gql(PAGE, { as: 'NATIONAL', variables: { search: sample.nationalId.toLowerCase() } })).autoEntrepreneurs;
    expect(byCin.edges.map((e: any) => e.node.id)).toContain(sample.id);
    const byNumber = ok(await gql(PAGE, { as: 'NATIONAL', variables: { search: sample.registrationNumber } })).autoEntrepreneurs;
    expect(byNumber.edges.map((e: any) => e.node.id)).toEqual([sample.id]);
    const family = sample.fullName.split(' ').slice(1).join(' ');
    const byName = ok(await gql(PAGE, { as: 'NATIONAL', variables: { region: 'MA-04', search: family.slice(1, 6), first: 500 } })).autoEntrepreneurs;
    expect(byName.edges.map((e: any) => e.node.id)).toContain(sample.id);
    expect(byName.edges.every((e: any) => e.node.fullName.toLowerCase().includes(family.slice(1, 6).toLowerCase()))).toBe(true);
    expect(codes(await gql(PAGE, { as: 'NATIONAL', variables: { search: 'a' } }))).toEqual(['BAD_USER_INPUT']);
  });

  it("scopes a council's search to its own region", async () => {
    const outside = ok(await gql(PAGE, { as: 'NATIONAL', variables: { region: 'MA-04', first: 1 } })).autoEntrepreneurs.edges[0].node;
    const council = ok(await gql(PAGE, { as: 'REGIONAL_MA09', variables: { search: outside.nationalId } })).autoEntrepreneurs;
    expect(council.totalCount).toBe(0);
    expect(codes(await gql(PAGE, { as: 'REGIONAL_MA09', variables: { province: 'MA-04-RAB', region: 'MA-04' } }))).toEqual(['FORBIDDEN']);
  });

  it('breaks the statistics down by segment, category and gender, each summing to the total', async () => {
    const stats = ok(
      await gql(`{ nationalStats(year: 2019) { registered applications turnover
      bySegment { key registered applications turnover } byActivityCategory { key registered } byGender { key registered women } } }`),
    ).nationalStats;
    for (const groups of [stats.bySegment, stats.byActivityCategory, stats.byGender]) {
      expect(groups.reduce((sum: number, g: any) => sum + g.registered, 0)).toBe(stats.registered);
    }
    expect(stats.bySegment.reduce((sum: number, g: any) => sum + g.applications, 0)).toBe(stats.applications);
    expect(stats.byActivityCategory.map((g: any) => g.key).sort()).toEqual(['ARTISANAL', 'COMMERCIAL', 'INDUSTRIAL', 'SERVICES']);
    expect(stats.byGender.find((g: any) => g.key === 'FEMALE').women).toBe(stats.byGender.find((g: any) => g.key === 'FEMALE').registered);
  });
});
