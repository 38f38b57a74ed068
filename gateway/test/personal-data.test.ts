import { randomInt } from 'node:crypto';
import { codes, gql, ok, sqlOn } from '../../test/support';

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

/**
 * People and an advisor of this suite's own in each region it reads, holding what the demo data
 * may not (an address, a strike-off note, the retention job's mark, two years above the
 * turnover ceiling; an advisor deactivated with a reason): a field every row leaves null would
 * read the same shown or hidden.
 */
const national = { as: 'NATIONAL' } as const;
/** The person of this suite's own holding a field, by region and field. */
const holders: Record<string, Record<string, string>> = {};
async function registeredPerson(region: string, name: string): Promise<string> {
  const input = { fullName: name, nationalId: `ZP${randomInt(100_000, 1_000_000)}`, gender: 'FEMALE', birthDate: '1988-07-01', region, activityCode: 'C-03' };
  const { submitApplication } = ok(
    await gql(`mutation($input: ApplicationInput!) { submitApplication(input: $input) { id } }`, { ...national, variables: { input } }),
  );
  ok(await gql(`mutation($id: ID!) { registerApplication(id: $id) { id } }`, { ...national, variables: { id: submitApplication.id } }));
  return submitApplication.id;
}
beforeAll(async () => {
  for (const region of Object.values(REGION_OF)) {
    const held = (holders[region] = {} as Record<string, string>);
    const addressed = (held.address = await registeredPerson(region, 'Hanane Adresse'));
    ok(
      await gql(
        `mutation($id: ID!) { rectifyPersonalDetails(id: $id, details: { address: "12 rue Ibn Battouta, Agadir" }, reason: "Changement d'adresse déclaré") { id } }`,
        {
          ...national,
          variables: { id: addressed },
        },
      ),
    );
    const struck = (held.struckOffNote = await registeredPerson(region, 'Salma Radiee'));
    ok(
      await gql(`mutation($id: ID!) { strikeOff(id: $id, reason: ON_REQUEST, note: "Demande écrite de l'intéressée") { id } }`, {
        ...national,
        variables: { id: struck },
      }),
    );
    // The retention job's mark on a person (write/retention.ts), set as the job sets it.
    const anonymised = (held.anonymisedAt = await registeredPerson(region, 'Nora Anonyme'));
    await sqlOn('registry', `UPDATE auto_entrepreneur SET anonymised_at = now() WHERE id = $1`, [anonymised]);
    // Registered in 2023 (set in the row), then two years declared above the commercial ceiling.
    const above = (held.yearsAboveCeiling = await registeredPerson(region, 'Karima Plafond'));
    await sqlOn('registry', `UPDATE auto_entrepreneur SET registered_at = '2023-03-01T10:00:00Z' WHERE id = $1`, [above]);
    for (const period of ['2024-Q2', '2025-Q2'])
      ok(
        await gql(`mutation($id: ID!, $period: String!) { declareTurnover(id: $id, period: $period, amount: 600000) { id } }`, {
          ...national,
          variables: { id: above, period },
        }),
      );
    const { registerAdvisor } = ok(
      await gql(`mutation($input: AdvisorInput!) { registerAdvisor(input: $input) { id } }`, {
        ...national,
        variables: { input: { fullName: 'Conseiller Parti', region } },
      }),
    );
    ok(
      await gql(`mutation($id: ID!) { deactivateAdvisor(id: $id, reason: "Départ à la retraite") { id } }`, {
        ...national,
        variables: { id: registerAdvisor.id },
      }),
    );
  }
});

/**
 * A person of the region who has a value in `field` (as the national office reads them: a null
 * would look the same shown or hidden), among the enrolled first (their lists are not empty).
 */
async function personOf(region: string, field: string, selection: string): Promise<string> {
  if (holders[region]?.[field]) return holders[region][field];
  const { enrolments } = ok(
    await gql(`{ enrolments(region: "${region}", first: 200) { edges { node { beneficiary { id ${field}${selection} } } } } }`, { as: 'NATIONAL' }),
  );
  const { autoEntrepreneurs } = ok(
    await gql(`{ autoEntrepreneurs(region: "${region}", first: 500) { edges { node { id ${field}${selection} } } } }`, { as: 'NATIONAL' }),
  );
  const candidates = [...enrolments.edges.map((e: any) => e.node.beneficiary), ...autoEntrepreneurs.edges.map((e: any) => e.node)];
  const holding = candidates.find((p: any) => p && p[field] !== null && !(Array.isArray(p[field]) && p[field].length === 0));
  if (!holding) throw new Error(`no person of ${region} has a value in AutoEntrepreneur.${field}: the check would not tell shown from hidden`);
  return holding.id;
}

async function outcome(type: string, field: string, caller: Caller, whose: 'own' | 'other'): Promise<Outcome> {
  const region = REGION_OF[whose];
  const selection = await subselection(type, field);
  const as = caller === 'anonymous' ? undefined : caller;
  if (type === 'AutoEntrepreneur') {
    const result = await gql(`query($id: ID!) { autoEntrepreneur(id: $id) { ${field}${selection} } }`, {
      as,
      variables: { id: await personOf(region, field, selection) },
    });
    if (codes(result).includes('FORBIDDEN')) return 'refused';
    const value = ok(result).autoEntrepreneur[field];
    if (value === null || (Array.isArray(value) && value.length === 0)) return 'left out';
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
  return values.some((v: unknown) => (scoped && Array.isArray(v) ? v.length > 0 : v !== undefined && v !== null)) ? 'shown' : 'left out';
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
