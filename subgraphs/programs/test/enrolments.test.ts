import { randomInt } from 'node:crypto';
import { codes, gql, ok, sqlOn, type TokenName } from '../../../test/support';

const THIS_YEAR = new Date().getUTCFullYear();
const ENROL = `mutation($input: EnrolmentInput!) { enrol(input: $input) { id status amount repaymentStatus programme { code } beneficiary { id } } }`;
const MOVE = `mutation($id: ID!, $status: EnrolmentStatus!) { moveEnrolment(id: $id, status: $status) { status acceptedAt startedAt endedAt repaymentStatus } }`;
const REPAY = `mutation($id: ID!, $amount: Float!) { recordRepayment(id: $id, amount: $amount) { repaidAmount repaymentStatus } }`;

/** A new auto-entrepreneur of `region`, registered (or only submitted) by an advisor of that region. */
async function person(region: 'MA-09' | 'MA-03', register = true): Promise<string> {
  const as: TokenName = region === 'MA-09' ? 'ADVISOR_MA09' : 'ADVISOR_MA03';
  const input = {
    fullName: 'Imane Chakir',
    nationalId: `ZP${randomInt(1_000_000, 10_000_000)}`,
    gender: 'FEMALE',
    birthDate: '1990-01-01',
    region,
    activityCode: 'S-10',
  };
  const { submitApplication } = ok(await gql(`mutation($input: ApplicationInput!) { submitApplication(input: $input) { id } }`, { as, variables: { input } }));
  if (register) ok(await gql(`mutation($id: ID!) { registerApplication(id: $id) { id } }`, { as, variables: { id: submitApplication.id } }));
  return submitApplication.id;
}

const enrolmentRows = async (personId: string): Promise<number> =>
  (await sqlOn('programs', 'SELECT count(*)::int AS n FROM enrolment WHERE auto_entrepreneur_id = $1', [personId]))[0].n;

const stats = async (code: string) =>
  ok(
    await gql(
      `query($code: ID!, $year: Int) { programme(code: $code) { stats(year: $year, region: "MA-09") { applied accepted active completed beneficiaries women amountLent amountRepaid } } }`,
      { variables: { code, year: THIS_YEAR } },
    ),
  ).programme.stats;

describe('enrolments, through the gateway', () => {
  it('takes an enrolment through its whole lifecycle and counts the beneficiary once', async () => {
    const id = await person('MA-09');
    const before = await stats('INFITAH');
    const enrolment = ok(await gql(ENROL, { as: 'ADVISOR_MA09', variables: { input: { programme: 'INFITAH', autoEntrepreneur: id } } })).enrol;
    expect(enrolment).toMatchObject({ status: 'APPLIED', amount: null, programme: { code: 'INFITAH' }, beneficiary: { id } });
    expect(await stats('INFITAH')).toEqual({ ...before, applied: before.applied + 1 });
    for (const status of ['ACCEPTED', 'ACTIVE', 'COMPLETED']) {
      expect(ok(await gql(MOVE, { as: 'ADVISOR_MA09', variables: { id: enrolment.id, status } })).moveEnrolment.status).toBe(status);
    }
    expect(await stats('INFITAH')).toEqual({ ...before, completed: before.completed + 1, beneficiaries: before.beneficiaries + 1, women: before.women + 1 });
    const mine = ok(
      await gql(`query($id: ID!) { autoEntrepreneur(id: $id) { enrolments { programme { code } status endedAt } } }`, {
        as: 'ADVISOR_MA09',
        variables: { id },
      }),
    );
    expect(mine.autoEntrepreneur.enrolments).toEqual([{ programme: { code: 'INFITAH' }, status: 'COMPLETED', endedAt: expect.any(String) }]);
  });

  it('grants and follows the repayment of an honour loan', async () => {
    const id = await person('MA-09');
    const before = await stats('INITIATIVE-MAROC-HL');
    const loan = ok(
      await gql(ENROL, { as: 'ADVISOR_MA09', variables: { input: { programme: 'INITIATIVE-MAROC-HL', autoEntrepreneur: id, amount: 20_000 } } }),
    ).enrol;
    ok(await gql(MOVE, { as: 'ADVISOR_MA09', variables: { id: loan.id, status: 'ACCEPTED' } }));
    expect(ok(await gql(MOVE, { as: 'ADVISOR_MA09', variables: { id: loan.id, status: 'ACTIVE' } })).moveEnrolment.repaymentStatus).toBe('NOT_DUE');
    expect(ok(await gql(REPAY, { as: 'ADVISOR_MA09', variables: { id: loan.id, amount: 5_000 } })).recordRepayment).toEqual({
      repaidAmount: 5_000,
      repaymentStatus: 'REPAYING',
    });
    expect(codes(await gql(REPAY, { as: 'ADVISOR_MA09', variables: { id: loan.id, amount: 15_000.01 } }))).toEqual(['BAD_USER_INPUT']);
    expect(ok(await gql(REPAY, { as: 'ADVISOR_MA09', variables: { id: loan.id, amount: 15_000 } })).recordRepayment).toEqual({
      repaidAmount: 20_000,
      repaymentStatus: 'REPAID',
    });
    const after = await stats('INITIATIVE-MAROC-HL');
    expect(after.amountLent).toBe(before.amountLent + 20_000);
    expect(after.amountRepaid).toBe(before.amountRepaid + 20_000);
  });

  it('refuses invalid enrolments with BAD_USER_INPUT and writes nothing', async () => {
    const souss = await person('MA-09');
    const pending = await person('MA-09', false);
    const fes = await person('MA-03');
    ok(await gql(ENROL, { as: 'ADVISOR_MA09', variables: { input: { programme: 'RESEAU-ENTREPRENDRE-HL', autoEntrepreneur: souss, amount: 50_000 } } }));
    const { advisors } = ok(await gql(`{ advisors(region: "MA-03") { id } }`));
    const cases: Array<[string, Record<string, unknown>, string, RegExp]> = [
      ['ADVISOR_MA09', { programme: 'RESEAU-ENTREPRENDRE-HL', autoEntrepreneur: souss, amount: 50_000 }, 'autoEntrepreneur', /already enrolled/],
      ['ADVISOR_MA09', { programme: 'INFITAH', autoEntrepreneur: pending }, 'autoEntrepreneur', /Only a REGISTERED/],
      ['ADVISOR_MA03', { programme: 'SECTOR-RENEWABLE', autoEntrepreneur: fes }, 'autoEntrepreneur', /runs in .* not in MA-03/],
      ['ADVISOR_MA09', { programme: 'PILOT-HONOUR-LOAN', autoEntrepreneur: souss, amount: 10_000 }, 'programme', /ended in 2021/],
      ['ADVISOR_MA09', { programme: 'INITIATIVE-MAROC-HL', autoEntrepreneur: souss }, 'amount', /needs the amount/],
      ['ADVISOR_MA09', { programme: 'INFITAH', autoEntrepreneur: souss, amount: 100 }, 'amount', /Only loan programmes/],
      ['ADVISOR_MA09', { programme: 'INITIATIVE-MAROC-HL', autoEntrepreneur: souss, amount: 150_000 }, 'amount', /ceiling of 100,000 MAD/],
      ['ADVISOR_MA09', { programme: 'NOPE', autoEntrepreneur: souss }, 'programme', /not a programme/],
      ['ADVISOR_MA09', { programme: 'INFITAH', autoEntrepreneur: souss, advisor: advisors[0].id }, 'advisor', /works in MA-03, not in MA-09/],
    ];
    for (const [as, input, field, message] of cases) {
      const result = await gql(ENROL, { as: as as TokenName, variables: { input } });
      expect(codes(result)).toEqual(['BAD_USER_INPUT']);
      expect(result.errors![0].extensions?.field).toBe(field);
      expect(result.errors![0].message).toMatch(message);
    }
    expect(await enrolmentRows(souss)).toBe(1);
    expect(await enrolmentRows(pending)).toBe(0);
    expect(await enrolmentRows(fes)).toBe(0);
    const applied = ok(await gql(ENROL, { as: 'ADVISOR_MA09', variables: { input: { programme: 'INFITAH', autoEntrepreneur: souss } } })).enrol;
    const skip = await gql(MOVE, { as: 'ADVISOR_MA09', variables: { id: applied.id, status: 'COMPLETED' } });
    expect(skip.errors![0].message).toMatch(/APPLIED cannot become COMPLETED/);
  });

  it("lets only advisors of the person's region and the national office enrol", async () => {
    const souss = await person('MA-09');
    const input = { programme: 'INFITAH', autoEntrepreneur: souss };
    expect(codes(await gql(ENROL, { as: 'ADVISOR_MA03', variables: { input } }))).toEqual(['FORBIDDEN']); // the registry refuses the read
    expect(codes(await gql(ENROL, { as: 'REGIONAL_MA09', variables: { input } }))).toEqual(['FORBIDDEN']);
    expect(codes(await gql(ENROL, { variables: { input } }))).toEqual(['FORBIDDEN']);
    // Refused before the arguments are looked at: a caller who may not enrol learns nothing from them.
    for (const as of [undefined, 'PARTNER', 'REGIONAL_MA09'] as const)
      expect(codes(await gql(ENROL, { as, variables: { input: { programme: 'NO-SUCH-PROGRAMME', autoEntrepreneur: souss, amount: -5 } } }))).toEqual([
        'FORBIDDEN',
      ]);
    expect(await enrolmentRows(souss)).toBe(0);
    expect(ok(await gql(ENROL, { as: 'NATIONAL', variables: { input } })).enrol.status).toBe('APPLIED');
  });
});
