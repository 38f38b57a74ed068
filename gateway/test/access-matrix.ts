import { codes, gql, type Call, type GraphQLResult, type TokenName } from '../../test/support';

// The access matrix of the contract (docs/access.md): every caller on every path, for any engine
// that federates the graph (our gateway, Hive Gateway), and straight to a subgraph's port.
export type Caller = 'anonymous' | TokenName | 'forged';
export const CALLERS: Caller[] = ['anonymous', 'PARTNER', 'REGIONAL_MA09', 'ADVISOR_MA09', 'NATIONAL', 'EXPIRED', 'forged'];
export const call = (caller: Caller): Call =>
  caller === 'anonymous'
    ? {}
    : caller === 'forged'
      ? { authorization: 'Bearer eyJhbGciOiJIUzI1NiJ9.eyJyb2xlIjoiTkFUSU9OQUwifQ.forged' }
      : { as: caller as TokenName };

export const PERSON = 'id fullName nationalId region { code }';

/** Every person object anywhere in an answer. */
export function people(value: unknown, found: any[] = []): any[] {
  if (Array.isArray(value)) value.forEach((v) => people(v, found));
  else if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if ('nationalId' in o || 'fullName' in o) found.push(o);
    Object.values(o).forEach((v) => people(v, found));
  }
  return found;
}

/** The invariants that hold whatever the path: what each caller may ever see of a person. */
export function assertNoLeak(caller: Caller, result: GraphQLResult) {
  const seen = people(result.data);
  if (['anonymous', 'PARTNER', 'EXPIRED', 'forged'].includes(caller)) expect(seen).toEqual([]);
  if (caller === 'REGIONAL_MA09' || caller === 'ADVISOR_MA09') for (const p of seen) expect(p.region?.code ?? 'MA-09').toBe('MA-09');
  if (caller === 'REGIONAL_MA09') for (const p of seen) if (p.nationalId) expect(p.nationalId).toMatch(/\*{4,}$/);
  if (caller === 'ADVISOR_MA09' || caller === 'NATIONAL') for (const p of seen) if (p.nationalId) expect(p.nationalId).not.toContain('*');
}

let souss: string;
let fes: string;
/** The ids each write below is aimed at, in the callers' region (MA-09) and another (MA-03). */
const target: Record<'registered' | 'submitted' | 'enrolment', Record<'own' | 'other', string>> = {
  registered: { own: '', other: '' },
  submitted: { own: '', other: '' },
  enrolment: { own: '', other: '' },
};

async function findTargets(): Promise<void> {
  const first = async (region: string, status: string) =>
    (await gql(`{ autoEntrepreneurs(region: "${region}", status: ${status}, first: 1) { edges { node { id } } } }`, { as: 'NATIONAL' })).data.autoEntrepreneurs
      .edges[0].node.id;
  const enrolment = async (region: string) =>
    (await gql(`{ enrolments(region: "${region}", first: 1) { edges { node { id } } } }`, { as: 'NATIONAL' })).data.enrolments.edges[0].node.id;
  for (const [whose, region] of [
    ['own', 'MA-09'],
    ['other', 'MA-03'],
  ] as const) {
    target.registered[whose] = await first(region, 'REGISTERED');
    target.submitted[whose] = await first(region, 'SUBMITTED');
    target.enrolment[whose] = await enrolment(region);
  }
  souss = target.registered.own;
  fes = target.registered.other;
}

type Expected = Record<Caller, string[] | 'data'>;
const UNAUTHENTICATED = { EXPIRED: ['UNAUTHENTICATED'], forged: ['UNAUTHENTICATED'] };

/**
 * Each write, aimed at someone of the callers' own region and of another, with arguments the
 * domain refuses (a quarter long before registration, striking off an application, moving an
 * enrolment back): a caller allowed to write gets BAD_USER_INPUT and nothing is written, any
 * other gets FORBIDDEN first, so a refusal never tells whether the arguments would have passed.
 */
const WRITES: Record<string, { query: (id: string) => string; aim: keyof typeof target }> = {
  declareTurnover: { aim: 'registered', query: (id) => `mutation { declareTurnover(id: "${id}", period: "2000-Q1", amount: 100) { tax } }` },
  correctTurnover: {
    aim: 'registered',
    query: (id) => `mutation { correctTurnover(id: "${id}", period: "2000-Q1", amount: 100, reason: "Test d'accès") { tax } }`,
  },
  strikeOff: { aim: 'submitted', query: (id) => `mutation { strikeOff(id: "${id}", reason: ON_REQUEST) { status } }` },
  moveEnrolment: { aim: 'enrolment', query: (id) => `mutation { moveEnrolment(id: "${id}", status: APPLIED) { status } }` },
  recordRepayment: { aim: 'enrolment', query: (id) => `mutation { recordRepayment(id: "${id}", amount: -1) { repaidAmount } }` },
};

function writeRows(): Record<string, { query: () => string; expected: Expected }> {
  const rows: Record<string, { query: () => string; expected: Expected }> = {};
  for (const [name, write] of Object.entries(WRITES))
    for (const whose of ['own', 'other'] as const)
      rows[`${name} in ${whose === 'own' ? "the callers' region" : 'another region'}`] = {
        query: () => write.query(target[write.aim][whose]),
        expected: {
          anonymous: ['FORBIDDEN'],
          PARTNER: ['FORBIDDEN'],
          REGIONAL_MA09: ['FORBIDDEN'],
          ADVISOR_MA09: whose === 'own' ? ['BAD_USER_INPUT'] : ['FORBIDDEN'],
          NATIONAL: ['BAD_USER_INPUT'],
          ...UNAUTHENTICATED,
        },
      };
  return rows;
}

const PATHS: Record<string, { query: () => string; service?: 'registry' | 'programs'; expected: Expected }> = {
  'unfiltered list': {
    query: () => `{ autoEntrepreneurs(first: 30) { edges { node { ${PERSON} } } } }`,
    expected: {
      anonymous: ['FORBIDDEN'],
      PARTNER: ['FORBIDDEN'],
      REGIONAL_MA09: 'data',
      ADVISOR_MA09: 'data',
      NATIONAL: 'data',
      EXPIRED: ['UNAUTHENTICATED'],
      forged: ['UNAUTHENTICATED'],
    },
  },
  'list filtered by another region': {
    query: () => `{ autoEntrepreneurs(region: "MA-03", first: 5) { edges { node { ${PERSON} } } } }`,
    expected: {
      anonymous: ['FORBIDDEN'],
      PARTNER: ['FORBIDDEN'],
      REGIONAL_MA09: ['FORBIDDEN'],
      ADVISOR_MA09: ['FORBIDDEN'],
      NATIONAL: 'data',
      EXPIRED: ['UNAUTHENTICATED'],
      forged: ['UNAUTHENTICATED'],
    },
  },
  'by id, own region': {
    query: () => `{ autoEntrepreneur(id: "${souss}") { ${PERSON} phone } }`,
    expected: {
      anonymous: ['FORBIDDEN'],
      PARTNER: ['FORBIDDEN'],
      REGIONAL_MA09: ['FORBIDDEN'],
      ADVISOR_MA09: 'data',
      NATIONAL: 'data',
      EXPIRED: ['UNAUTHENTICATED'],
      forged: ['UNAUTHENTICATED'],
    },
  },
  'by id, another region': {
    query: () => `{ autoEntrepreneur(id: "${fes}") { ${PERSON} } }`,
    expected: {
      anonymous: ['FORBIDDEN'],
      PARTNER: ['FORBIDDEN'],
      REGIONAL_MA09: ['FORBIDDEN'],
      ADVISOR_MA09: ['FORBIDDEN'],
      NATIONAL: 'data',
      EXPIRED: ['UNAUTHENTICATED'],
      forged: ['UNAUTHENTICATED'],
    },
  },
  'by id, no such person (the same refusal as another region: no existence oracle)': {
    query: () => `{ autoEntrepreneur(id: "00000000-0000-4000-8000-000000000000") { ${PERSON} } }`,
    expected: {
      anonymous: ['FORBIDDEN'],
      PARTNER: ['FORBIDDEN'],
      REGIONAL_MA09: ['FORBIDDEN'],
      ADVISOR_MA09: ['FORBIDDEN'],
      NATIONAL: 'data',
      EXPIRED: ['UNAUTHENTICATED'],
      forged: ['UNAUTHENTICATED'],
    },
  },
  'entity path from programs (Enrolment.beneficiary)': {
    query: () => `{ programmes { enrolments(first: 20) { regionCode beneficiary { ${PERSON} } } } }`,
    expected: {
      anonymous: 'data',
      PARTNER: 'data',
      REGIONAL_MA09: 'data',
      ADVISOR_MA09: 'data',
      NATIONAL: 'data',
      EXPIRED: ['UNAUTHENTICATED'],
      forged: ['UNAUTHENTICATED'],
    },
  },
  'straight to the registry port (_entities)': {
    service: 'registry',
    query: () =>
      `{ _entities(representations: [{ __typename: "AutoEntrepreneur", id: "${souss}" }, { __typename: "AutoEntrepreneur", id: "${fes}" }]) { ... on AutoEntrepreneur { ${PERSON} } } }`,
    expected: {
      anonymous: ['FORBIDDEN', 'FORBIDDEN'],
      PARTNER: ['FORBIDDEN', 'FORBIDDEN'],
      REGIONAL_MA09: ['FORBIDDEN'],
      ADVISOR_MA09: ['FORBIDDEN'],
      NATIONAL: 'data',
      EXPIRED: ['UNAUTHENTICATED'],
      forged: ['UNAUTHENTICATED'],
    },
  },
  'mutation in another region': {
    query: () => `mutation { rejectApplication(id: "${fes}", reason: "Test d'accès") { ${PERSON} } }`,
    expected: {
      anonymous: ['FORBIDDEN'],
      PARTNER: ['FORBIDDEN'],
      REGIONAL_MA09: ['FORBIDDEN'],
      ADVISOR_MA09: ['FORBIDDEN'],
      NATIONAL: ['BAD_USER_INPUT'],
      EXPIRED: ['UNAUTHENTICATED'],
      forged: ['UNAUTHENTICATED'],
    },
  },
  'straight to the programs port (_entities: enrolments of a person)': {
    service: 'programs',
    query: () =>
      `{ _entities(representations: [{ __typename: "AutoEntrepreneur", id: "${souss}" }, { __typename: "AutoEntrepreneur", id: "${fes}" }]) { ... on AutoEntrepreneur { enrolments { id regionCode status } } } }`,
    expected: {
      anonymous: 'data',
      PARTNER: 'data',
      REGIONAL_MA09: 'data',
      ADVISOR_MA09: 'data',
      NATIONAL: 'data',
      ...UNAUTHENTICATED,
    },
  },
  ...writeRows(),
};

/**
 * The matrix as tests, through the engine at `origin()` (unset: the shared stack's gateway). Rows
 * straight to a subgraph's port run only where `withSubgraphPorts` (they do not depend on the engine).
 */
export function describeAccessMatrix(title: string, origin: () => string | undefined, withSubgraphPorts: boolean): void {
  describe(title, () => {
    beforeAll(findTargets);
    for (const [path, spec] of Object.entries(PATHS)) {
      if (spec.service && !withSubgraphPorts) continue;
      it.each(CALLERS)(`${path}: %s`, async (caller) => {
        const result = await gql(spec.query(), { ...call(caller), service: spec.service, origin: spec.service ? undefined : origin() });
        const expected = spec.expected[caller];
        if (expected === 'data') expect(result.errors ?? []).toEqual([]);
        else expect(codes(result)).toEqual(expected);
        expect(result.status).toBeLessThan(500);
        assertNoLeak(caller, result);
      });
    }
  });
}
