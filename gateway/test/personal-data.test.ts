import { codes, gql, ok } from '../../test/support';

/**
 * Every field of a type that carries personal data (law 09-08), with the rule that guards it.
 * A field added to one of these types without a rule here fails this test, so the rule cannot
 * be forgotten; the rules themselves are checked against the running stack below.
 *   entity   readable only where the whole person is: council, advisors of the region, national office
 *   masked   CIN: masked for the council, full for advisors of the region and the national office
 *   contact  advisors of the region and the national office only
 *   scoped   lists filtered to the regions the caller may read
 *   name     staff names: council, advisors of the region, national office
 *   public   no personal data
 */
const RULES: Record<string, Record<string, 'entity' | 'masked' | 'contact' | 'scoped' | 'name' | 'public'>> = {
  AutoEntrepreneur: {
    id: 'entity',
    registrationNumber: 'entity',
    status: 'entity',
    fullName: 'entity',
    nationalId: 'masked',
    gender: 'entity',
    birthDate: 'contact',
    phone: 'contact',
    segment: 'entity',
    region: 'entity',
    province: 'entity',
    activity: 'entity',
    activityCategory: 'entity',
    submittedAt: 'entity',
    registeredAt: 'entity',
    rejectedAt: 'entity',
    rejectionReason: 'entity',
    struckOffAt: 'entity',
    struckOffReason: 'entity',
    struckOffNote: 'entity',
    history: 'entity',
    declarations: 'entity',
    yearsAboveCeiling: 'entity',
    enrolments: 'scoped',
  },
  Enrolment: {
    id: 'scoped',
    programme: 'scoped',
    beneficiary: 'entity',
    status: 'scoped',
    regionCode: 'scoped',
    enrolledAt: 'scoped',
    acceptedAt: 'scoped',
    startedAt: 'scoped',
    endedAt: 'scoped',
    amount: 'scoped',
    repaymentStatus: 'scoped',
    repaidAmount: 'scoped',
    advisor: 'scoped',
  },
  Advisor: {
    id: 'public',
    fullName: 'name',
    region: 'public',
    regionCode: 'public',
    partner: 'public',
    workshop: 'public',
    trainedOn: 'public',
    active: 'public',
    followed: 'scoped',
    enrolments: 'scoped',
  },
};

describe('personal data in the composed schema', () => {
  it('has an access rule for every field of every personal-data type', async () => {
    const { __schema } = ok(await gql(`{ __schema { types { name fields { name } } } }`));
    const missing: string[] = [];
    for (const [type, rules] of Object.entries(RULES)) {
      const found = __schema.types.find((t: any) => t.name === type);
      expect(found).toBeDefined();
      for (const field of found.fields) if (!(field.name in rules)) missing.push(`${type}.${field.name}`);
    }
    expect(missing).toEqual([]);
  });

  it('enforces each kind of rule', async () => {
    const page = ok(await gql(`{ autoEntrepreneurs(region: "MA-09", status: REGISTERED, first: 1) { edges { node { id } } } }`, { as: 'NATIONAL' }));
    const id = page.autoEntrepreneurs.edges[0].node.id;
    const entity = `query($id: ID!) { autoEntrepreneur(id: $id) { fullName } }`;
    expect(codes(await gql(entity, { variables: { id } }))).toEqual(['FORBIDDEN']);
    expect(ok(await gql(entity, { as: 'REGIONAL_MA09', variables: { id } })).autoEntrepreneur.fullName).toBeTruthy();
    const masked = ok(await gql(`query($id: ID!) { autoEntrepreneur(id: $id) { nationalId } }`, { as: 'REGIONAL_MA09', variables: { id } }));
    expect(masked.autoEntrepreneur.nationalId).toMatch(/\*{4,}$/);
    for (const field of Object.entries(RULES.AutoEntrepreneur)
      .filter(([, r]) => r === 'contact')
      .map(([f]) => f)) {
      expect(codes(await gql(`query($id: ID!) { autoEntrepreneur(id: $id) { ${field} } }`, { as: 'REGIONAL_MA09', variables: { id } }))).toEqual(['FORBIDDEN']);
      expect(
        ok(await gql(`query($id: ID!) { autoEntrepreneur(id: $id) { ${field} } }`, { as: 'ADVISOR_MA09', variables: { id } })).autoEntrepreneur[field],
      ).toBeTruthy();
    }
    expect(ok(await gql(`{ programmes { enrolments { id } } }`)).programmes.flatMap((p: any) => p.enrolments)).toEqual([]);
    expect(codes(await gql(`{ advisors(region: "MA-09") { fullName } }`))).toContain('FORBIDDEN');
    expect(ok(await gql(`{ advisors(region: "MA-09") { followed { id } } }`)).advisors.flatMap((a: any) => a.followed)).toEqual([]);
  });
});
