import { codes, gql, ok } from '../../../test/support';
import { freshCin, sql } from './helpers';

const countRows = async (text: string, params: unknown[]) => (await sql(text, params))[0].n as number;

const STATS = 'applications registered rejected struckOff active women womenShare turnover taxContribution';

const application = (overrides: Record<string, unknown> = {}) => ({
  fullName: 'Hajar Ait Lahcen',
  nationalId: freshCin('J'),
  gender: 'FEMALE',
  birthDate: '1994-03-08',
  region: 'MA-09',
  activityCode: 'S-10',
  phone: '0661234567',
  segment: 'UNEMPLOYED',
  ...overrides,
});

const SUBMIT = `mutation($input: ApplicationInput!) { submitApplication(input: $input) { id status registrationNumber nationalId region { code } } }`;

describe('registry subgraph', () => {
  it('computes national figures as the exact sum of the 12 regions', async () => {
    for (const year of [null, 2018, 2019]) {
      const data = ok(
        await gql(`query($year: Int) { nationalStats(year: $year) { ${STATS} } regions { registrationStats(year: $year) { ${STATS} } } }`, {
          variables: { year },
        }),
      );
      const national = data.nationalStats;
      for (const key of ['applications', 'registered', 'rejected', 'struckOff', 'active', 'women']) {
        expect(data.regions.reduce((sum: number, r: any) => sum + r.registrationStats[key], 0)).toBe(national[key]);
      }
      const turnover = data.regions.reduce((sum: number, r: any) => sum + r.registrationStats.turnover, 0);
      expect(turnover).toBeCloseTo(national.turnover, 1);
      expect(national.womenShare).toBeCloseTo(national.women / national.registered, 10);
    }
  });

  it('serves aggregates but no person to a caller that skips the gateway without a token', async () => {
    expect(ok(await gql(`{ nationalStats { registered } }`, { service: 'registry' })).nationalStats.registered).toBeGreaterThan(0);
    expect(codes(await gql(`{ autoEntrepreneurs { totalCount } }`, { service: 'registry' }))).toEqual(['FORBIDDEN']);
    const page = ok(await gql(`{ autoEntrepreneurs(first: 1) { edges { node { id } } } }`, { as: 'NATIONAL', service: 'registry' }));
    const id = page.autoEntrepreneurs.edges[0].node.id;
    const entity = await gql(
      `query($id: ID!) { _entities(representations: [{ __typename: "AutoEntrepreneur", id: $id }]) { ... on AutoEntrepreneur { fullName nationalId } } }`,
      { service: 'registry', variables: { id } },
    );
    expect(entity.data?._entities).toEqual([null]);
    expect(codes(entity)).toEqual(['FORBIDDEN']);
    expect(codes(await gql(`{ nationalStats { registered } }`, { service: 'registry', authorization: 'Bearer not-a-token' }))).toEqual(['UNAUTHENTICATED']);
  });

  it('shows a council its own people with masked CINs, and nothing of other regions', async () => {
    // Other suites add people to MA-09 meanwhile; rows are never deleted, so the council's count lies between two national reads.
    const inMa09 = async () => ok(await gql(`{ autoEntrepreneurs(region: "MA-09") { totalCount } }`, { as: 'NATIONAL' })).autoEntrepreneurs.totalCount;
    const before = await inMa09();
    const data = ok(await gql(`{ autoEntrepreneurs(first: 20) { totalCount edges { node { nationalId region { code } } } } }`, { as: 'REGIONAL_MA09' }));
    const after = await inMa09();
    expect(data.autoEntrepreneurs.totalCount).toBeGreaterThanOrEqual(before);
    expect(data.autoEntrepreneurs.totalCount).toBeLessThanOrEqual(after);
    for (const { node } of data.autoEntrepreneurs.edges) {
      expect(node.region.code).toBe('MA-09');
      expect(node.nationalId).toMatch(/^[A-Z]{1,2}\d{2}\*{4,}$/);
    }
    const phone = await gql(`{ autoEntrepreneurs(first: 1) { edges { node { phone } } } }`, { as: 'REGIONAL_MA09' });
    expect(codes(phone)).toEqual(['FORBIDDEN']);
  });

  it('runs the application lifecycle: submit, register with an RNAE number, refuse a second registration', async () => {
    const input = application();
    const submitted = ok(await gql(SUBMIT, { as: 'ADVISOR_MA09', variables: { input } })).submitApplication;
    expect(submitted).toMatchObject({ status: 'SUBMITTED', registrationNumber: null, nationalId: input.nationalId, region: { code: 'MA-09' } });
    const registered = ok(
      await gql(`mutation($id: ID!) { registerApplication(id: $id) { status registrationNumber registeredAt } }`, {
        as: 'ADVISOR_MA09',
        variables: { id: submitted.id },
      }),
    ).registerApplication;
    expect(registered.status).toBe('REGISTERED');
    expect(registered.registrationNumber).toMatch(/^RNAE-\d{4}-09-\d{6}$/);
    const again = await gql(`mutation($id: ID!) { registerApplication(id: $id) { status } }`, { as: 'ADVISOR_MA09', variables: { id: submitted.id } });
    expect(codes(again)).toEqual(['BAD_USER_INPUT']);
    const reject = await gql(`mutation($id: ID!) { rejectApplication(id: $id, reason: "Dossier incomplet") { status } }`, {
      as: 'NATIONAL',
      variables: { id: submitted.id },
    });
    expect(codes(reject)).toEqual(['BAD_USER_INPUT']);
    const duplicate = await gql(SUBMIT, { as: 'ADVISOR_MA09', variables: { input } });
    expect(codes(duplicate)).toEqual(['BAD_USER_INPUT']);
    expect(await countRows('SELECT count(*)::int AS n FROM auto_entrepreneur WHERE national_id = $1', [input.nationalId])).toBe(1);
  });

  it('rejects an application with a reason', async () => {
    const submitted = ok(
      await gql(SUBMIT, { as: 'NATIONAL', variables: { input: application({ nationalId: 'JB7654321', region: 'MA-03', activityCode: 'C-01' }) } }),
    ).submitApplication;
    const rejected = ok(
      await gql(`mutation($id: ID!) { rejectApplication(id: $id, reason: "Activité exclue") { status rejectionReason } }`, {
        as: 'ADVISOR_MA03',
        variables: { id: submitted.id },
      }),
    );
    expect(rejected.rejectApplication).toEqual({ status: 'REJECTED', rejectionReason: 'Activité exclue' });
  });

  it('refuses bad input with BAD_USER_INPUT and writes nothing', async () => {
    const tried: string[] = [];
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ nationalId: '12345' }, 'nationalId'],
      [{ birthDate: '2015-01-01' }, 'birthDate'],
      [{ activityCode: 'X-99' }, 'activityCode'],
      [{ region: 'MA-13' }, 'region'],
      [{ phone: '12' }, 'phone'],
      [{ fullName: 'x' }, 'fullName'],
    ];
    for (const [override, field] of cases) {
      const input = application(override);
      tried.push(input.nationalId as string);
      const result = await gql(SUBMIT, { as: 'NATIONAL', variables: { input } });
      expect(codes(result)).toEqual(['BAD_USER_INPUT']);
      expect(result.errors![0].extensions?.field).toBe(field);
    }
    expect(codes(await gql(`mutation { registerApplication(id: "nope") { status } }`, { as: 'NATIONAL' }))).toEqual(['BAD_USER_INPUT']);
    // Other test files write in parallel: check the applicants tried here, not a region's total.
    expect(await countRows('SELECT count(*)::int AS n FROM auto_entrepreneur WHERE national_id = ANY($1)', [tried])).toBe(0);
    expect(
      await countRows(
        'SELECT count(*)::int AS n FROM registry_event e JOIN auto_entrepreneur a ON a.id = e.auto_entrepreneur_id WHERE a.national_id = ANY($1)',
        [tried],
      ),
    ).toBe(0);
  });

  it('lets only advisors of the region and the national office write', async () => {
    const input = application({ nationalId: 'JB1112223' });
    expect(codes(await gql(SUBMIT, { as: 'REGIONAL_MA09', variables: { input } }))).toEqual(['FORBIDDEN']);
    expect(codes(await gql(SUBMIT, { as: 'ADVISOR_MA03', variables: { input } }))).toEqual(['FORBIDDEN']);
    expect(codes(await gql(SUBMIT, { variables: { input } }))).toEqual(['FORBIDDEN']);
  });
});
