import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { codes, gql, url, type GraphQLResult, type TokenName } from '../../test/support';

// The access matrix of the contract (docs/access.md), through the real gateway and straight to a subgraph's port.
type Caller = 'anonymous' | TokenName | 'forged';
const CALLERS: Caller[] = ['anonymous', 'PARTNER', 'REGIONAL_MA09', 'ADVISOR_MA09', 'NATIONAL', 'EXPIRED', 'forged'];
const call = (caller: Caller) =>
  caller === 'anonymous'
    ? {}
    : caller === 'forged'
      ? { authorization: 'Bearer eyJhbGciOiJIUzI1NiJ9.eyJyb2xlIjoiTkFUSU9OQUwifQ.forged' }
      : { as: caller as TokenName };

const PERSON = 'id fullName nationalId region { code }';

/** Every person object anywhere in an answer. */
function people(value: unknown, found: any[] = []): any[] {
  if (Array.isArray(value)) value.forEach((v) => people(v, found));
  else if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if ('nationalId' in o || 'fullName' in o) found.push(o);
    Object.values(o).forEach((v) => people(v, found));
  }
  return found;
}

/** The invariants that hold whatever the path: what each caller may ever see of a person. */
function assertNoLeak(caller: Caller, result: GraphQLResult) {
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

beforeAll(async () => {
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
});

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

describe('access matrix: every role on every path', () => {
  for (const [path, spec] of Object.entries(PATHS)) {
    it.each(CALLERS)(`${path}: %s`, async (caller) => {
      const result = await gql(spec.query(), { ...call(caller), service: spec.service });
      const expected = spec.expected[caller];
      if (expected === 'data') expect(result.errors ?? []).toEqual([]);
      else expect(codes(result)).toEqual(expected);
      expect(result.status).toBeLessThan(500);
      assertNoLeak(caller, result);
    });
  }

  it('lets a REGIONAL council list only its own people, CINs masked', async () => {
    const result = await gql(`{ autoEntrepreneurs(first: 100) { totalCount edges { node { ${PERSON} } } } }`, { as: 'REGIONAL_MA09' });
    const seen = people(result.data);
    expect(seen.length).toBeGreaterThan(0);
    assertNoLeak('REGIONAL_MA09', result);
  });

  it('answers health and public aggregates to everyone, even with no token', async () => {
    expect((await fetch(url('registry', '/health'))).status).toBe(200);
    for (const caller of ['anonymous', 'PARTNER'] as Caller[]) {
      const result = await gql(`{ nationalStats { registered } indicators { code } regions { registrationStats { registered } } }`, call(caller));
      expect(result.errors).toBeUndefined();
    }
  });
});

describe('verified tokens', () => {
  it('stop being accepted the moment they expire, though the gateway and subgraphs keep recent verifications', async () => {
    // `npm run token` as a developer runs it (the stack's JWT_SECRET is in this process's environment).
    const shortLived = execFileSync(process.execPath, [join(__dirname, '..', '..', 'scripts', 'dist', 'token.js'), '--role', 'NATIONAL', '--expires', '3s'], {
      encoding: 'utf8',
    })
      .trim()
      .split('\n')
      .pop()!;
    const authorization = `Bearer ${shortLived}`;
    const expiresAt = JSON.parse(Buffer.from(shortLived.split('.')[1], 'base64url').toString()).exp * 1000;
    const person = `{ autoEntrepreneurs(first: 1) { edges { node { nationalId } } } }`;
    for (let i = 0; i < 3; i++) expect((await gql(person, { authorization })).errors).toBeUndefined();
    // Straight to the subgraph too: it verifies (and remembers) the same token on its own.
    expect((await gql(person, { authorization, service: 'registry' })).errors).toBeUndefined();
    expect(Date.now()).toBeLessThan(expiresAt); // the answers above were given while the token was valid
    // Until the instant the token itself names, and no longer: its expiry is the event waited for.
    await new Promise((r) => setTimeout(r, expiresAt - Date.now() + 1));
    expect(codes(await gql(person, { authorization }))).toEqual(['UNAUTHENTICATED']);
    expect(codes(await gql(person, { authorization, service: 'registry' }))).toEqual(['UNAUTHENTICATED']);
  });
});
