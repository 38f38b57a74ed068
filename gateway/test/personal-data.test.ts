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
    address: 'contact',
    anonymisedAt: 'entity',
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
    followUps: 'scoped',
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
    deactivatedAt: 'public',
    deactivationReason: 'name',
    history: 'name',
  },
  FollowUp: {
    id: 'scoped',
    on: 'scoped',
    kind: 'scoped',
    notes: 'scoped',
    actorSubject: 'scoped',
    recordedAt: 'scoped',
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

  it.each(Object.entries(RULES).flatMap(([type, rules]) => Object.entries(rules).map(([field, rule]) => [`${type}.${field}`, rule, type, field])))(
    '%s (%s) is shown, masked, refused or left out for each caller as its rule says',
    async (_name, rule, type, field) => {
      const seen: Record<string, Outcome> = {};
      for (const caller of CALLERS) for (const whose of ['own', 'other'] as const) seen[`${caller} ${whose}`] = await outcome(type, field, caller, whose);
      expect(seen).toEqual(expectedOutcomes(rule, type));
    },
  );

  it('leaves people out of the lists of public types', async () => {
    expect(ok(await gql(`{ programmes { enrolments { id } } }`)).programmes.flatMap((p: any) => p.enrolments)).toEqual([]);
    expect(ok(await gql(`{ programmes { enrolments { id } } }`, { as: 'PARTNER' })).programmes.flatMap((p: any) => p.enrolments)).toEqual([]);
  });
});

/**
 * The walk: every field above, read by every kind of caller, about someone of the caller's own
 * region (MA-09) and of another (MA-03), each field alone in its query (so that a refusal of one
 * field cannot hide another). What the caller gets is classified from the answer alone.
 */
type Caller = 'anonymous' | 'PARTNER' | 'REGIONAL_MA09' | 'ADVISOR_MA09' | 'NATIONAL';
type Outcome = 'shown' | 'masked' | 'refused' | 'left out';
const CALLERS: Caller[] = ['anonymous', 'PARTNER', 'REGIONAL_MA09', 'ADVISOR_MA09', 'NATIONAL'];
const REGION_OF = { own: 'MA-09', other: 'MA-03' } as const;

/** What each rule promises each caller, about someone of its own region or of another. */
function expectedOutcomes(rule: string, type: string): Record<string, Outcome> {
  const table: Record<Caller, [Outcome, Outcome]> = {
    anonymous: ['refused', 'refused'],
    PARTNER: ['refused', 'refused'],
    REGIONAL_MA09: ['shown', 'refused'],
    ADVISOR_MA09: ['shown', 'refused'],
    NATIONAL: ['shown', 'shown'],
  };
  if (rule === 'masked') table.REGIONAL_MA09 = ['masked', 'refused'];
  if (rule === 'contact') table.REGIONAL_MA09 = ['refused', 'refused'];
  if (rule === 'public') for (const caller of CALLERS) table[caller] = ['shown', 'shown'];
  // An advisor's followed people and enrolments are lists filtered to what the caller may read.
  if (type === 'Advisor' && rule === 'scoped') {
    table.anonymous = table.PARTNER = ['left out', 'left out'];
    table.REGIONAL_MA09 = table.ADVISOR_MA09 = ['shown', 'left out'];
  }
  return Object.fromEntries(
    CALLERS.flatMap((caller) => [
      [`${caller} own`, table[caller][0]],
      [`${caller} other`, table[caller][1]],
    ]),
  );
}

const people: Record<string, string> = {};
/** A registered person of the region (as the national office finds them), with enrolments when the type is about them. */
async function personOf(region: string): Promise<string> {
  if (!people[region]) {
    const { enrolments } = ok(await gql(`{ enrolments(region: "${region}", first: 1) { edges { node { beneficiary { id } } } } }`, { as: 'NATIONAL' }));
    people[region] = enrolments.edges[0].node.beneficiary.id;
  }
  return people[region];
}

async function outcome(type: string, field: string, caller: Caller, whose: 'own' | 'other'): Promise<Outcome> {
  const region = REGION_OF[whose];
  const selection = await subselection(type, field);
  const as = caller === 'anonymous' ? undefined : caller;
  if (type === 'AutoEntrepreneur') {
    const result = await gql(`query($id: ID!) { autoEntrepreneur(id: $id) { ${field}${selection} } }`, { as, variables: { id: await personOf(region) } });
    if (codes(result).includes('FORBIDDEN')) return 'refused';
    const value = ok(result).autoEntrepreneur[field];
    return field === 'nationalId' && /\*{4,}$/.test(value) ? 'masked' : 'shown';
  }
  if (type === 'Enrolment') {
    const result = await gql(`{ enrolments(region: "${region}", first: 3) { edges { node { ${field}${selection} } } } }`, { as });
    if (codes(result).includes('FORBIDDEN')) return 'refused';
    return ok(result).enrolments.edges.length ? 'shown' : 'left out';
  }
  if (type === 'FollowUp') {
    const result = await gql(`{ enrolments(region: "${region}", first: 100) { edges { node { followUps { ${field}${selection} } } } } }`, { as });
    if (codes(result).includes('FORBIDDEN')) return 'refused';
    return ok(result).enrolments.edges.some((e: any) => e.node.followUps.length > 0) ? 'shown' : 'left out';
  }
  // Paged, so that the advisors' nested lists (people followed…) stay within the cost limit.
  const result = await gql(`{ advisorsConnection(region: "${region}", first: 500) { edges { node { ${field}${selection} } } } }`, { as });
  if (codes(result).includes('FORBIDDEN')) return 'refused';
  const values = ok(result).advisorsConnection.edges.map((e: any) => e.node[field]);
  // A scoped list is filtered, not refused: it shows when some advisor's list holds anything.
  const scoped = RULES[type][field] === 'scoped';
  return values.some((v: unknown) => (scoped && Array.isArray(v) ? v.length > 0 : v !== undefined)) ? 'shown' : 'left out';
}

let schemaTypes: Promise<Map<string, Map<string, string | null>>> | null = null;
/** `{ __typename }` under a field of object type (whatever it is), nothing under a scalar. */
async function subselection(type: string, field: string): Promise<string> {
  schemaTypes ??= gql(`{ __schema { types { name fields { name type { kind ofType { kind ofType { kind ofType { kind } } } } } } } }`).then((r) => {
    const objectKinds = new Set(['OBJECT', 'INTERFACE', 'UNION']);
    const innermost = (t: any): string => (t.ofType ? innermost(t.ofType) : t.kind);
    return new Map(
      ok(r).__schema.types.map((t: any) => [
        t.name,
        new Map((t.fields ?? []).map((f: any) => [f.name, objectKinds.has(innermost(f.type)) ? ' { __typename }' : ''])),
      ]),
    );
  });
  return (await schemaTypes).get(type)?.get(field) ?? '';
}
