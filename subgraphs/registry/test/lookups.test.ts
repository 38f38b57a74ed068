import { randomInt, randomUUID } from 'node:crypto';
import { codes, gql, ok, signedToken, sqlOn, type GraphQLResult } from '../../../test/support';

/**
 * No oracle around the CIN mask: a council sees CINs masked ("F10****"), so whatever it asks
 * (searches, counts, ids, mutations) must not let it learn the hidden digits, nor learn that a
 * person it may not read exists. Each test uses callers of its own (fresh token subjects), so the
 * lookup budget (10 per 24 hours, the default) is theirs alone.
 */
const BUDGET = 10;
const caller = (role: string, region?: string) => `Bearer ${signedToken({ subject: `lookups-${role.toLowerCase()}-${randomUUID()}`, role, region })}`;
const subjectOf = (authorization: string) => JSON.parse(Buffer.from(authorization.split('.')[1], 'base64url').toString()).sub as string;
const trail = (actor: string) =>
  sqlOn('registry', `SELECT action, people, detail, budgeted, request_id FROM audit_trail WHERE actor = $1 ORDER BY id`, [actor]);

async function firstPeople(region: string, count: number): Promise<Array<{ id: string; nationalId: string; fullName: string; registrationNumber: string }>> {
  const page = ok(
    await gql(
      `{ autoEntrepreneurs(region: "${region}", status: REGISTERED, first: ${count}) { edges { node { id nationalId fullName registrationNumber } } } }`,
      { as: 'NATIONAL' },
    ),
  );
  return page.autoEntrepreneurs.edges.map((e: any) => e.node);
}

/** The answer as a client compares two refusals: codes and messages (not the paths). */
const refusal = (result: GraphQLResult) => (result.errors ?? []).map((e) => `${e.extensions?.code}: ${e.message}`);

describe('no oracle around the CIN mask', () => {
  it('lets a brute force over the four masked digits recover nothing: the budget runs out, then the true CIN is refused like any other', async () => {
    // A person whose hidden digits are not among the first guesses of a brute force counting up from 0000.
    const target = (await firstPeople('MA-02', 200)).find((p) => Number(p.nationalId.slice(-4)) >= 100)!;
    expect(target).toBeDefined();
    const council = caller('REGIONAL', 'MA-02');
    const shown = ok(await gql(`query($id: ID!) { autoEntrepreneur(id: $id) { nationalId } }`, { authorization: council, variables: { id: target.id } }))
      .autoEntrepreneur.nationalId;
    expect(shown).toMatch(/^[A-Z]{1,2}\d{2}\*{4}$/);
    const prefix = shown.replace(/\*+$/, '');

    // One guess a request, counting up from 0000, until the register refuses.
    const ask = (cin: string) =>
      gql(`{ autoEntrepreneurs(region: "MA-02", search: "${cin}", first: 1) { totalCount edges { node { id } } } }`, { authorization: council });
    const answered: Array<{ guess: string; ids: string[] }> = [];
    for (let guess = 0; guess < BUDGET + 5; guess++) {
      const cin = `${prefix}${String(guess).padStart(4, '0')}`;
      const result = await ask(cin);
      if (result.errors) {
        expect(codes(result)).toEqual(['FORBIDDEN']);
        break;
      }
      answered.push({ guess: cin, ids: result.data.autoEntrepreneurs.edges.map((e: any) => e.node.id) });
    }
    // The budget bounds what any lookup can confirm; the target's hidden digits were not among them.
    expect(answered).toHaveLength(BUDGET);
    expect(answered.flatMap((a) => a.ids)).not.toContain(target.id);

    // Past the budget the true CIN and a false one get the very same refusal.
    const truth = await ask(target.nationalId);
    const lie = await ask(`${prefix}9999` === target.nationalId ? `${prefix}9998` : `${prefix}9999`);
    expect(codes(truth)).toEqual(['FORBIDDEN']);
    expect(refusal(truth)).toEqual(refusal(lie));
    expect(truth.data).toEqual(lie.data);

    // Every lookup is on the trail, count-only as they were: the answered ones budgeted, the refused ones named as such.
    const rows = await trail(subjectOf(council));
    const lookups = rows.filter((r) => r.action === 'SEARCH_BY_NATIONAL_ID');
    expect(lookups.map((r) => r.budgeted)).toEqual(Array(BUDGET).fill(true));
    expect(lookups.map((r) => r.people)).toEqual(answered.map((a) => a.ids));
    expect(rows.filter((r) => r.action === 'SEARCH_BY_NATIONAL_ID_REFUSED')).toHaveLength(3);
    expect(rows.every((r) => r.request_id)).toBe(true);
  });

  it('records every search on personal data, count-only included, for every role, with the people it matched', async () => {
    const [person] = await firstPeople('MA-09', 1);
    const family = person.fullName.split(' ').slice(-1)[0];
    for (const [role, region] of [
      ['NATIONAL', undefined],
      ['ADVISOR', 'MA-09'],
      ['REGIONAL', 'MA-09'],
    ] as const) {
      const authorization = caller(role, region);
      const count = (search: string) =>
        gql(`query($s: String) { autoEntrepreneurs(region: "MA-09", search: $s) { totalCount } }`, { authorization, variables: { s: search } });
      expect(ok(await count(person.nationalId)).autoEntrepreneurs.totalCount).toBe(1);
      expect(ok(await count(person.registrationNumber)).autoEntrepreneurs.totalCount).toBe(1);
      const byName = ok(await count(family)).autoEntrepreneurs.totalCount;
      expect(byName).toBeGreaterThan(0);
      const rows = await trail(subjectOf(authorization));
      expect(rows.map((r) => r.action)).toEqual(['SEARCH_BY_NATIONAL_ID', 'SEARCH_BY_REGISTRATION_NUMBER', 'SEARCH_BY_NAME']);
      expect(rows[0].people).toEqual([person.id]);
      expect(rows[1].people).toEqual([person.id]);
      expect(rows[2].detail.matches).toBe(byName);
      // Only the council's CIN lookup counts against a budget: it is the one role that sees CINs masked.
      expect(rows.map((r) => r.budgeted)).toEqual([role === 'REGIONAL', false, false]);
    }
  });

  it('answers a person the caller may not read and an id that matches nobody with the same refusal, on every path', async () => {
    const [elsewhere] = await firstPeople('MA-03', 1);
    const nobody = randomUUID();
    const paths: Array<[string, (id: string) => string, 'gateway' | 'registry']> = [
      ['by id', (id) => `{ autoEntrepreneur(id: "${id}") { id fullName } }`, 'gateway'],
      ['_entities', (id) => `{ _entities(representations: [{ __typename: "AutoEntrepreneur", id: "${id}" }]) { ... on AutoEntrepreneur { id } } }`, 'registry'],
      ['reject', (id) => `mutation { rejectApplication(id: "${id}", reason: "Test d'oracle") { id } }`, 'gateway'],
      ['strike off', (id) => `mutation { strikeOff(id: "${id}", reason: ON_REQUEST) { id } }`, 'gateway'],
      ['declare', (id) => `mutation { declareTurnover(id: "${id}", period: "2025-Q1", amount: 100) { tax } }`, 'gateway'],
    ];
    const callers: Array<[string, string | undefined]> = [
      ['anonymous', undefined],
      ['PARTNER', caller('PARTNER')],
      ['REGIONAL', caller('REGIONAL', 'MA-09')],
      ['ADVISOR', caller('ADVISOR', 'MA-09')],
    ];
    for (const [, authorization] of callers) {
      for (const [, query, service] of paths) {
        const other = await gql(query(elsewhere.id), { authorization, service });
        const none = await gql(query(nobody), { authorization, service });
        expect(codes(other)).toEqual(['FORBIDDEN']);
        expect(refusal(none)).toEqual(refusal(other));
      }
    }
    // Enrolments too: one of another region and an id that matches nothing.
    const { enrolments } = ok(await gql(`{ enrolments(region: "MA-03", first: 1) { edges { node { id } } } }`, { as: 'NATIONAL' }));
    const move = (id: string) => `mutation { moveEnrolment(id: "${id}", status: DROPPED) { id } }`;
    const advisor = caller('ADVISOR', 'MA-09');
    const other = await gql(move(enrolments.edges[0].node.id), { authorization: advisor });
    expect(codes(other)).toEqual(['FORBIDDEN']);
    expect(refusal(await gql(move(randomUUID()), { authorization: advisor }))).toEqual(refusal(other));
    // The national office may read everyone: an unknown id is simply nobody.
    expect(ok(await gql(`{ autoEntrepreneur(id: "${nobody}") { id } }`, { as: 'NATIONAL' })).autoEntrepreneur).toBeNull();
  });

  it('counts a submission that finds the CIN live in a region the advisor may not read as a lookup, and refuses it like any duplicate', async () => {
    const elsewhere = await firstPeople('MA-03', BUDGET + 1);
    const [own] = await firstPeople('MA-09', 1);
    const advisor = caller('ADVISOR', 'MA-09');
    const submit = (nationalId: string) =>
      gql(`mutation($input: ApplicationInput!) { submitApplication(input: $input) { id } }`, {
        authorization: advisor,
        variables: { input: { fullName: 'Samir Oracle', nationalId, gender: 'MALE', birthDate: '1990-01-01', region: 'MA-09', activityCode: 'C-01' } },
      });
    const duplicateHere = await submit(own.nationalId);
    expect(codes(duplicateHere)).toEqual(['BAD_USER_INPUT']);
    for (const person of elsewhere.slice(0, BUDGET)) expect(refusal(await submit(person.nationalId))).toEqual(refusal(duplicateHere));
    const rows = await trail(subjectOf(advisor));
    expect(rows.filter((r) => r.action === 'DUPLICATE_NATIONAL_ID_ELSEWHERE' && r.budgeted).map((r) => r.people[0])).toEqual(
      elsewhere.slice(0, BUDGET).map((p) => p.id),
    );
    // Spent: every submission is refused, a live CIN and a fresh one alike, and nothing is written.
    const live = await submit(elsewhere[BUDGET].nationalId);
    const fresh = await submit(`ZZ${randomInt(1_000_000, 9_999_999)}`);
    expect(codes(live)).toEqual(['FORBIDDEN']);
    expect(refusal(fresh)).toEqual(refusal(live));
  });

  it('holds the budget when 50 submissions are sent at once: at most the budget reveals, the rest get one refusal, live CIN or not', async () => {
    const elsewhere = await firstPeople('MA-03', 40);
    const advisor = caller('ADVISOR', 'MA-09');
    const submit = (nationalId: string) =>
      gql(`mutation($input: ApplicationInput!) { submitApplication(input: $input) { id } }`, {
        authorization: advisor,
        variables: { input: { fullName: 'Samir Course', nationalId, gender: 'MALE', birthDate: '1990-01-01', region: 'MA-09', activityCode: 'C-01' } },
      });
    const fresh = Array.from({ length: 10 }, () => `ZY${randomInt(1_000_000, 9_999_999)}`);
    const [live, unknown] = await Promise.all([Promise.all(elsewhere.map((p) => submit(p.nationalId))), Promise.all(fresh.map(submit))]);
    const revealed = live.filter((r) => codes(r)[0] === 'BAD_USER_INPUT');
    expect(revealed).toHaveLength(BUDGET);
    const spentRefusal = refusal(live.find((r) => codes(r)[0] === 'FORBIDDEN')!);
    expect(live.filter((r) => codes(r)[0] !== 'BAD_USER_INPUT').map(refusal)).toEqual(Array(40 - BUDGET).fill(spentRefusal));
    // A fresh CIN reveals nothing: it is filed while lookups are left, then refused alike.
    for (const answer of unknown) expect(answer.errors ? refusal(answer) : 'filed').toEqual(answer.errors ? spentRefusal : 'filed');
    const rows = await trail(subjectOf(advisor));
    expect(rows.filter((r) => r.budgeted)).toHaveLength(BUDGET);
  });

  it('counts a reactivation refused because the CIN is live in a region the advisor may not read, after the budget is checked', async () => {
    const nationalId = `ZW${randomInt(1_000_000, 9_999_999)}`;
    const advisor = caller('ADVISOR', 'MA-09');
    const input = (region: string) => ({ fullName: 'Nadia Retour', nationalId, gender: 'FEMALE', birthDate: '1988-05-05', region, activityCode: 'C-01' });
    const SUBMIT = `mutation($input: ApplicationInput!) { submitApplication(input: $input) { id } }`;
    const here = ok(await gql(SUBMIT, { as: 'NATIONAL', variables: { input: input('MA-09') } })).submitApplication.id;
    ok(await gql(`mutation { registerApplication(id: "${here}") { id } }`, { as: 'NATIONAL' }));
    ok(await gql(`mutation { strikeOff(id: "${here}", reason: ON_REQUEST) { id } }`, { as: 'NATIONAL' }));
    ok(await gql(SUBMIT, { as: 'NATIONAL', variables: { input: input('MA-03') } }));
    const reactivate = () => gql(`mutation { reactivate(id: "${here}", reason: "Demande de retour") { id } }`, { authorization: advisor });
    const refused = await reactivate();
    expect(codes(refused)).toEqual(['BAD_USER_INPUT']);
    const rows = await trail(subjectOf(advisor));
    expect(rows.filter((r) => r.budgeted).map((r) => r.action)).toEqual(['DUPLICATE_NATIONAL_ID_ELSEWHERE']);
    // The rest of the budget spent, the same reactivation is refused before anything is looked at.
    for (let i = 1; i < BUDGET; i++) expect(codes(await reactivate())).toEqual(['BAD_USER_INPUT']);
    expect((await trail(subjectOf(advisor))).filter((r) => r.budgeted)).toHaveLength(BUDGET);
    expect(codes(await reactivate())).toEqual(['FORBIDDEN']);
  });

  it('keeps the trail append-only in the database', async () => {
    for (const statement of ['UPDATE audit_trail SET actor = actor', 'DELETE FROM audit_trail', 'TRUNCATE audit_trail']) {
      await expect(sqlOn('registry', statement)).rejects.toThrow(/append-only/);
    }
  });
});
