import { randomUUID } from 'node:crypto';
import { codes, councilOf, gql, ok, signedToken, sqlOn, type Call } from '../../../test/support';

/**
 * The operational data a council records: advisors, workshops, events, follow-ups and programmes.
 * This suite alone writes such records, in Drâa-Tafilalet (MA-08, test/regions.ts), so the
 * indicators they feed can be counted exactly there.
 */
const HERE = 'MA-08';
const THIS_YEAR = new Date().getUTCFullYear();
const TODAY = new Date().toISOString().slice(0, 10);
const council: Call = { authorization: councilOf(HERE) };
const otherCouncil: Call = { as: 'REGIONAL_MA09' };
const national: Call = { as: 'NATIONAL' };

const REGISTER = `mutation($input: AdvisorInput!) { registerAdvisor(input: $input) { id active regionCode } }`;
const WORKSHOP = `mutation($input: WorkshopInput!) { recordWorkshop(input: $input) { id kind attendance trained { id } } }`;
const EVENT = `mutation($input: EventInput!) { recordEvent(input: $input) { id kind attendance women men } }`;
const CANCEL = `mutation($id: ID!) { cancelEvent(id: $id, reason: "Reportée (intempéries)") { cancelledAt cancelReason } }`;

/** This region's actual of an indicator on its scorecard of this year. */
async function actual(indicator: string): Promise<number> {
  const { region } = ok(await gql(`{ region(code: "${HERE}") { scorecardFor(year: ${THIS_YEAR}) { statuses { indicatorCode actual } } } }`));
  return region.scorecardFor.statuses.find((s: any) => s.indicatorCode === indicator).actual;
}

const awareness = (overrides: Record<string, unknown> = {}) => ({
  kind: 'AWARENESS',
  region: HERE,
  heldOn: TODAY,
  title: 'Journée de sensibilisation — Ouarzazate',
  place: 'Ouarzazate, Chambre de commerce',
  partner: 'CCIS-08',
  women: 25,
  men: 40,
  ...overrides,
});

async function newAdvisor(name = 'Karima Ait Ouarzazate'): Promise<string> {
  return ok(await gql(REGISTER, { ...council, variables: { input: { fullName: name, region: HERE, partner: 'CCIS-08' } } })).registerAdvisor.id;
}

describe('operational records of a region', () => {
  it('moves "awareness events" and "councils engaged" on the next read, and back when an event is cancelled', async () => {
    const [events, councils] = [await actual('AWARENESS_EVENTS'), await actual('REGIONAL_COUNCILS_ENGAGED')];
    const recorded = ok(await gql(EVENT, { ...council, variables: { input: awareness() } })).recordEvent;
    expect(recorded).toMatchObject({ kind: 'AWARENESS', attendance: 65, women: 25, men: 40 });
    expect(await actual('AWARENESS_EVENTS')).toBe(events + 1);
    const session = ok(
      await gql(EVENT, {
        ...national,
        variables: { input: awareness({ kind: 'COUNCIL_SENSITISATION', title: 'Session du Conseil régional', women: 6, men: 9 }) },
      }),
    ).recordEvent;
    expect(await actual('REGIONAL_COUNCILS_ENGAGED')).toBe(1); // a council counts once a year, engaged or not before
    ok(await gql(CANCEL, { ...council, variables: { id: recorded.id } }));
    expect(await actual('AWARENESS_EVENTS')).toBe(events);
    ok(await gql(CANCEL, { ...council, variables: { id: session.id } }));
    expect(await actual('REGIONAL_COUNCILS_ENGAGED')).toBe(councils);
    const listed = ok(await gql(`{ events(region: "${HERE}", year: ${THIS_YEAR}, includeCancelled: true) { id cancelledAt } }`)).events;
    expect(listed.find((e: any) => e.id === recorded.id).cancelledAt).toBeTruthy();
    expect(ok(await gql(`{ events(region: "${HERE}", year: ${THIS_YEAR}) { id } }`)).events.map((e: any) => e.id)).not.toContain(recorded.id);
  });

  it('moves "workshops" and "advisors trained" when a workshop trains new advisors', async () => {
    const [workshops, trained] = [await actual('WORKSHOPS'), await actual('ADVISORS_TRAINED')];
    const advisors = [await newAdvisor('Said Errachidi'), await newAdvisor('Nadia Zagora')];
    const input = { region: HERE, heldOn: TODAY, place: 'Errachidia', trainer: 'Maroc PME, direction régionale', advisors };
    const workshop = ok(await gql(WORKSHOP, { ...council, variables: { input } })).recordWorkshop;
    expect(workshop).toMatchObject({ kind: 'ADVISOR_WORKSHOP', attendance: 2 });
    expect(workshop.trained.map((a: any) => a.id).sort()).toEqual([...advisors].sort());
    expect([await actual('WORKSHOPS'), await actual('ADVISORS_TRAINED')]).toEqual([workshops + 1, trained + 2]);
    // A second workshop for the same advisors is one more workshop, not more advisors trained.
    ok(await gql(WORKSHOP, { ...council, variables: { input: { ...input, place: 'Tinghir' } } }));
    expect([await actual('WORKSHOPS'), await actual('ADVISORS_TRAINED')]).toEqual([workshops + 2, trained + 2]);
  });

  it('corrects an event with a reason and keeps every previous value in its history', async () => {
    const { id } = ok(await gql(EVENT, { ...council, variables: { input: awareness({ heldOn: '2024-05-02' }) } })).recordEvent;
    const corrected = ok(
      await gql(
        `mutation($id: ID!) { correctEvent(id: $id, correction: { women: 30, men: 41 }, reason: "Feuille d'émargement recomptée") { attendance women men } }`,
        {
          ...council,
          variables: { id },
        },
      ),
    ).correctEvent;
    expect(corrected).toEqual({ attendance: 71, women: 30, men: 41 });
    const [event] = ok(await gql(`{ events(region: "${HERE}", year: 2024) { id history { action reason before after actorRole } } }`, council)).events.filter(
      (e: any) => e.id === id,
    );
    expect(event.history.map((h: any) => h.action)).toEqual(['EVENT_RECORDED', 'EVENT_CORRECTED']);
    expect(JSON.parse(event.history[1].before)).toMatchObject({ women: 25, men: 40, attendance: 65 });
    expect(event.history[1]).toMatchObject({ reason: "Feuille d'émargement recomptée", actorRole: 'REGIONAL' });
    expect(codes(await gql(`{ events(region: "${HERE}", year: 2024) { history { action } } }`))).toContain('FORBIDDEN');
    await expect(sqlOn('programs', `DELETE FROM change_history WHERE entity_id = $1`, [id])).rejects.toThrow(/append-only/);
  });

  it('refuses other regions, other roles and bad input, and writes nothing then', async () => {
    const before = (await sqlOn('programs', `SELECT count(*)::int AS n FROM event WHERE region_code = $1`, [HERE]))[0].n;
    for (const caller of [otherCouncil, { as: 'ADVISOR_MA09' } as Call, { as: 'PARTNER' } as Call, {}]) {
      expect(codes(await gql(EVENT, { ...caller, variables: { input: awareness() } }))).toEqual(['FORBIDDEN']);
      expect(codes(await gql(REGISTER, { ...caller, variables: { input: { fullName: 'X Y', region: HERE } } }))).toEqual(['FORBIDDEN']);
    }
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ heldOn: '2031-01-01' }, 'heldOn'],
      [{ heldOn: '2024-02-30' }, 'heldOn'],
      [{ women: -1 }, 'women'],
      [{ title: 'x' }, 'title'],
      [{ partner: 'ccis 08' }, 'partner'],
      [{ region: 'MA-13' }, 'region'],
      [{ kind: 'ADVISOR_WORKSHOP' }, 'kind'],
    ];
    for (const [override, field] of cases) {
      const result = await gql(EVENT, { ...national, variables: { input: awareness(override) } });
      expect(codes(result)).toEqual(['BAD_USER_INPUT']);
      expect(result.errors![0].extensions?.field).toBe(field);
    }
    const stranger = ok(await gql(`{ advisors(region: "MA-09") { id } }`)).advisors[0].id;
    const mixed = await gql(WORKSHOP, {
      ...council,
      variables: { input: { region: HERE, heldOn: TODAY, place: 'Errachidia', trainer: 'Formateur', advisors: [stranger] } },
    });
    expect(mixed.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'advisors' });
    expect(codes(await gql(CANCEL, { ...otherCouncil, variables: { id: randomUUID() } }))).toEqual(['FORBIDDEN']);
    expect(codes(await gql(CANCEL, { ...national, variables: { id: randomUUID() } }))).toEqual(['BAD_USER_INPUT']);
    expect((await sqlOn('programs', `SELECT count(*)::int AS n FROM event WHERE region_code = $1`, [HERE]))[0].n).toBe(before);
  });

  it('records an event once however often it is retried with its Idempotency-Key', async () => {
    const title = `Rencontre ${randomUUID().slice(0, 8)}`;
    const call = { ...council, variables: { input: awareness({ title }) }, headers: { 'idempotency-key': `ops-${randomUUID()}` } };
    const [first, again] = [await gql(EVENT, call), await gql(EVENT, call)];
    expect(ok(again)).toEqual(ok(first));
    expect(again.headers!.get('idempotent-replay')).toBe('true');
    expect((await sqlOn('programs', `SELECT count(*)::int AS n FROM event WHERE title = $1`, [title]))[0].n).toBe(1);
  });

  it('deactivates an advisor, keeping the advisor and the reason', async () => {
    const id = await newAdvisor('Hamid Midelt');
    const deactivate = `mutation($id: ID!) { deactivateAdvisor(id: $id, reason: "Mutation à Rabat") { active deactivatedAt deactivationReason } }`;
    expect(codes(await gql(deactivate, { ...otherCouncil, variables: { id } }))).toEqual(['FORBIDDEN']);
    expect(ok(await gql(deactivate, { ...council, variables: { id } })).deactivateAdvisor).toMatchObject({
      active: false,
      deactivationReason: 'Mutation à Rabat',
    });
    expect(codes(await gql(deactivate, { ...council, variables: { id } }))).toEqual(['BAD_USER_INPUT']);
  });
});

describe("an advisor's own beneficiaries and follow-ups", () => {
  it("gives an advisor token naming its advisor that advisor's enrolments, and records a follow-up on one", async () => {
    const [{ advisor }] = await sqlOn(
      'programs',
      `SELECT e.advisor_id AS advisor FROM enrolment e JOIN advisor a ON a.id = e.advisor_id WHERE e.region_code = 'MA-09' AND a.active ORDER BY e.id LIMIT 1`,
    );
    const me: Call = { authorization: `Bearer ${signedToken({ subject: 'test-advisor-me', role: 'ADVISOR', region: 'MA-09', advisor })}` };
    const mine = ok(await gql(`{ me { id enrolments { id enrolledAt followUps { on kind } } } }`, me)).me;
    expect(mine.id).toBe(advisor);
    expect(mine.enrolments.length).toBeGreaterThan(0);
    expect(ok(await gql(`{ me { id } }`, { as: 'ADVISOR_MA09' })).me).toBeNull(); // a token that names no advisor
    const enrolment = mine.enrolments[0];
    const FOLLOW = `mutation($id: ID!, $input: FollowUpInput!) { recordFollowUp(enrolment: $id, input: $input) { on kind notes actorSubject } }`;
    const input = { on: TODAY, kind: 'VISIT', notes: 'Visite : carnet de commandes rempli pour le trimestre.' };
    expect(ok(await gql(FOLLOW, { ...me, variables: { id: enrolment.id, input } })).recordFollowUp).toMatchObject({
      ...input,
      actorSubject: 'test-advisor-me',
    });
    expect(codes(await gql(FOLLOW, { as: 'ADVISOR_MA03', variables: { id: enrolment.id, input } }))).toEqual(['FORBIDDEN']);
    expect(codes(await gql(FOLLOW, { as: 'REGIONAL_MA09', variables: { id: enrolment.id, input } }))).toEqual(['FORBIDDEN']);
    const early = await gql(FOLLOW, { ...me, variables: { id: enrolment.id, input: { ...input, on: '2015-01-01' } } });
    expect(early.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'on' });
    const after = ok(await gql(`{ me { enrolments { id followUps { on kind } } } }`, me)).me.enrolments.find((e: any) => e.id === enrolment.id);
    expect(after.followUps).toHaveLength(enrolment.followUps.length + 1);
  });
});

describe('the programme catalogue', () => {
  const code = `TEST-${randomUUID().slice(0, 8).toUpperCase()}`;
  const programme = {
    code,
    name: 'Accompagnement des artisans de Drâa-Tafilalet',
    description: 'Formation et mise en réseau des artisans auto-entrepreneurs.',
    kind: 'POST_CREATION_SUPPORT',
    operator: 'Maroc PME avec la CCIS Drâa-Tafilalet',
    regions: [HERE],
    startYear: THIS_YEAR,
    eligibility: 'Auto-entrepreneurs artisans immatriculés au RNAE',
    scope: 'ALL',
    source: 'Convention régionale (test)',
  };
  const CREATE = `mutation($input: ProgrammeInput!) { createProgramme(input: $input) { code regions { code } endYear } }`;

  it('is created and closed by the national office, and opened or closed in a region by its council', async () => {
    expect(codes(await gql(CREATE, { ...council, variables: { input: programme } }))).toEqual(['FORBIDDEN']);
    expect(ok(await gql(CREATE, { ...national, variables: { input: programme } })).createProgramme).toEqual({ code, regions: [{ code: HERE }], endYear: null });
    expect(codes(await gql(CREATE, { ...national, variables: { input: programme } }))).toEqual(['BAD_USER_INPUT']);
    const open = `mutation($code: ID!, $region: ID!) { openProgrammeIn(code: $code, region: $region) { regions { code } } }`;
    expect(codes(await gql(open, { ...council, variables: { code, region: 'MA-09' } }))).toEqual(['FORBIDDEN']);
    expect(ok(await gql(open, { ...otherCouncil, variables: { code, region: 'MA-09' } })).openProgrammeIn.regions).toEqual([{ code: HERE }, { code: 'MA-09' }]);
    const closeIn = `mutation($code: ID!) { closeProgrammeIn(code: $code, region: "MA-09", reason: "Pas de candidats") { regions { code } } }`;
    expect(ok(await gql(closeIn, { ...otherCouncil, variables: { code } })).closeProgrammeIn.regions).toEqual([{ code: HERE }]);
    const close = `mutation($code: ID!) { closeProgramme(code: $code, lastYear: ${THIS_YEAR}, reason: "Fin de la convention") { endYear history { action } } }`;
    expect(codes(await gql(close, { ...council, variables: { code } }))).toEqual(['FORBIDDEN']);
    expect(ok(await gql(close, { ...national, variables: { code } })).closeProgramme).toEqual({
      endYear: THIS_YEAR,
      history: ['PROGRAMME_CREATED', 'PROGRAMME_OPENED_IN_REGION', 'PROGRAMME_CLOSED_IN_REGION', 'PROGRAMME_CLOSED'].map((action) => ({ action })),
    });
    const loan = await gql(CREATE, { ...national, variables: { input: { ...programme, code: `${code}-L`, kind: 'HONOUR_LOAN' } } });
    expect(loan.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'maxAmount' });
  });
});
