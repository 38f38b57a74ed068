import { randomInt, randomUUID } from 'node:crypto';
import { codes, councilOf, eventually, gql, heldDatabase, ok, sqlOn, type Call, type GraphQLResult, type ServiceName } from '../../test/support';

/**
 * Two writers on one row at once, for every mutation that locks a row: the row is held locked
 * here while both writers start, and let go once both wait on it, so they meet for certain (not
 * when the machine happens to be slow). Whatever order they then take, the loser gets a clear
 * error or its change applies after the winner's; nothing is half-written, and the history holds
 * both changes or one, each with the values it saw. Records in MA-09 and people in MA-03, open
 * regions where no suite counts (test/regions.ts).
 */
const national: Call = { as: 'NATIONAL' };
const council09: Call = { authorization: councilOf('MA-09') };
const stamp = randomUUID().slice(0, 6).toUpperCase();

/** Holds `table`'s row locked while `writers` start, until all of them wait (on it or on each other), then lets them go. */
async function atOnce(subgraph: Exclude<ServiceName, 'gateway'>, table: string, column: string, key: string, writers: Array<() => Promise<GraphQLResult>>) {
  const db = await heldDatabase(subgraph);
  try {
    await db.query('BEGIN');
    expect((await db.query(`SELECT 1 FROM ${table} WHERE ${column} = $1 FOR UPDATE`, [key])).rowCount).toBe(1);
    const me = (await db.query('SELECT pg_backend_pid() AS pid')).rows[0].pid;
    const answers = writers.map((write) => write());
    // A writer answered before all of them wait: it never met the row, and the test says how it was answered.
    const early = Promise.race(
      answers.map((answer, i) => answer.then((a) => `writer ${i + 1} answered before it waited: ${a.status} ${JSON.stringify(a.errors ?? a.data)}`)),
    );
    const blocked = async () => {
      await db.query(`SELECT pg_stat_clear_snapshot()`); // pg_stat_activity is read once a transaction otherwise
      return (
        await db.query(
          `WITH RECURSIVE blocked(pid) AS (
             SELECT pid FROM pg_stat_activity WHERE $1 = ANY(pg_blocking_pids(pid))
             UNION SELECT a.pid FROM pg_stat_activity a JOIN blocked b ON b.pid = ANY(pg_blocking_pids(a.pid)))
           SELECT count(*)::int AS n FROM blocked`,
          [me],
        )
      ).rows[0].n;
    };
    const waiting = eventually(`${writers.length} writers waiting on ${table} ${key}`, async () => (await blocked()) >= writers.length).then(() => null);
    const failure = await Promise.race([waiting, early]);
    if (failure) {
      await db.query(`SELECT pg_stat_clear_snapshot()`);
      const { rows } = await db.query(
        `SELECT pid, state, wait_event_type, wait_event, pg_blocking_pids(pid) AS blockers, left(query, 80) AS query FROM pg_stat_activity
         WHERE datname = current_database() AND pid <> pg_backend_pid() AND state <> 'idle'`,
      );
      throw new Error(`${failure}; the database's other sessions: ${JSON.stringify(rows)}`);
    }
    await db.query('COMMIT');
    return await Promise.all(answers);
  } finally {
    await db.end();
  }
}

/** Each answer applied or refused with BAD_USER_INPUT, never anything else; which were applied. */
function outcomes(answers: GraphQLResult[]): boolean[] {
  for (const answer of answers) {
    expect(answer.status).toBe(200);
    if (answer.errors) expect(codes(answer)).toEqual(['BAD_USER_INPUT']);
  }
  return answers.map((answer) => !answer.errors);
}

/** The registry's rollup says what the rows of `region` say, read in one statement (one snapshot). */
async function rollupAgrees(region: string) {
  const [row] = await sqlOn(
    'registry',
    `SELECT (SELECT jsonb_build_object('applications', sum(applications), 'registered', sum(registered), 'rejected', sum(rejected), 'struckOff', sum(struck_off))
               FROM registry_rollup WHERE region_code = $1) AS rollup,
            (SELECT jsonb_build_object('applications', count(*), 'registered', count(registered_at), 'rejected', count(rejected_at), 'struckOff', count(struck_off_at))
               FROM auto_entrepreneur WHERE region_code = $1) AS rows`,
    [region],
  );
  expect(row.rollup).toEqual(row.rows);
}

async function personIn03(register = true): Promise<string> {
  const input = {
    fullName: 'Samira Ouled Ali',
    nationalId: `ZW${randomInt(1_000_000, 10_000_000)}`,
    gender: 'FEMALE',
    birthDate: '1988-06-01',
    region: 'MA-03',
    activityCode: 'S-10',
  };
  const { id } = ok(
    await gql(`mutation($input: ApplicationInput!) { submitApplication(input: $input) { id } }`, { ...national, variables: { input } }),
  ).submitApplication;
  if (register) ok(await gql(`mutation($id: ID!) { registerApplication(id: $id) { id } }`, { ...national, variables: { id } }));
  return id;
}

const personRow = async (id: string) =>
  (await sqlOn('registry', 'SELECT status, registration_number, struck_off_reason, full_name, phone FROM auto_entrepreneur WHERE id = $1', [id]))[0];
const personHistory = async (id: string) =>
  sqlOn<{ kind: string; to_status: string | null; reason: string | null }>(
    'registry',
    'SELECT kind, to_status, reason FROM registry_event WHERE auto_entrepreneur_id = $1 ORDER BY id',
    [id],
  );
const changes = async (subgraph: 'programs' | 'regions', entity: string, id: string) =>
  sqlOn<{ action: string; before: any; after: any }>(
    subgraph,
    'SELECT action, before, after FROM change_history WHERE entity = $1 AND entity_id = $2 ORDER BY id',
    [entity, id],
  );

const STRIKE = (reason: string) => `mutation($id: ID!) { strikeOff(id: $id, reason: ${reason}) { status } }`;
const REACTIVATE = `mutation($id: ID!) { reactivate(id: $id, reason: "Radiation annulée") { status } }`;

describe('two writers on one person at once', () => {
  it('strike-off and reactivation: both in that order, or the reactivation refused; the rollup follows the rows', async () => {
    const id = await personIn03();
    const [struck, back] = outcomes(
      await atOnce('registry', 'auto_entrepreneur', 'id', id, [
        () => gql(STRIKE('ON_REQUEST'), { ...national, variables: { id } }),
        () => gql(REACTIVATE, { ...national, variables: { id } }),
      ]),
    );
    expect(struck).toBe(true); // nothing can stop a registered person's strike-off
    const kinds = (await personHistory(id)).map((e) => e.kind);
    expect(kinds).toEqual(back ? ['SUBMITTED', 'REGISTERED', 'STRUCK_OFF', 'REACTIVATED'] : ['SUBMITTED', 'REGISTERED', 'STRUCK_OFF']);
    expect((await personRow(id)).status).toBe(back ? 'REGISTERED' : 'STRUCK_OFF');
    await rollupAgrees('MA-03');
  });

  it('two strike-offs with different reasons: one applies, the other is told, one entry', async () => {
    const id = await personIn03();
    const applied = outcomes(
      await atOnce('registry', 'auto_entrepreneur', 'id', id, [
        () => gql(STRIKE('ON_REQUEST'), { ...national, variables: { id } }),
        () => gql(STRIKE('COMPANY_CONVERSION'), { ...national, variables: { id } }),
      ]),
    );
    expect(applied.filter(Boolean)).toHaveLength(1);
    const row = await personRow(id);
    expect([row.status, row.struck_off_reason]).toEqual(['STRUCK_OFF', applied[0] ? 'ON_REQUEST' : 'COMPANY_CONVERSION']);
    expect((await personHistory(id)).filter((e) => e.kind === 'STRUCK_OFF')).toHaveLength(1);
    await rollupAgrees('MA-03');
  });

  it('registration and rejection of one application: exactly one, with its number or its reason', async () => {
    const id = await personIn03(false);
    const [registered, rejected] = outcomes(
      await atOnce('registry', 'auto_entrepreneur', 'id', id, [
        () => gql(`mutation($id: ID!) { registerApplication(id: $id) { status } }`, { ...national, variables: { id } }),
        () => gql(`mutation($id: ID!) { rejectApplication(id: $id, reason: "Pièce manquante") { status } }`, { ...national, variables: { id } }),
      ]),
    );
    expect(registered !== rejected).toBe(true);
    const row = await personRow(id);
    expect([row.status, row.registration_number !== null]).toEqual(registered ? ['REGISTERED', true] : ['REJECTED', false]);
    expect((await personHistory(id)).map((e) => e.kind)).toEqual(['SUBMITTED', registered ? 'REGISTERED' : 'REJECTED']);
    await rollupAgrees('MA-03');
  });

  it('two rectifications of different details: both apply, each entry naming what it changed', async () => {
    const id = await personIn03();
    const rectify = (details: object, reason: string) => () =>
      gql(`mutation($id: ID!, $details: PersonalDetailsInput!) { rectifyPersonalDetails(id: $id, details: $details, reason: "${reason}") { id } }`, {
        ...national,
        variables: { id, details },
      });
    expect(
      outcomes(
        await atOnce('registry', 'auto_entrepreneur', 'id', id, [
          rectify({ fullName: 'Samira Ouled Ali Bennani' }, 'Nom'),
          rectify({ phone: '0662000111' }, 'Téléphone'),
        ]),
      ),
    ).toEqual([true, true]);
    expect(await personRow(id)).toMatchObject({ full_name: 'Samira Ouled Ali Bennani', phone: '0662000111' });
    expect(
      (await personHistory(id))
        .filter((e) => e.kind !== 'SUBMITTED' && e.kind !== 'REGISTERED')
        .map((e) => e.reason)
        .sort(),
    ).toEqual(['Nom', 'Téléphone']);
  });
});

describe('two writers on one record of the programmes at once', () => {
  const EVENT = `mutation($input: EventInput!) { recordEvent(input: $input) { id } }`;
  const newEvent = async () =>
    ok(
      await gql(EVENT, {
        ...council09,
        variables: { input: { kind: 'AWARENESS', region: 'MA-09', heldOn: '2021-04-12', title: `Caravane ${stamp}`, place: 'Tiznit', women: 20, men: 30 } },
      }),
    ).recordEvent.id as string;
  const eventRow = async (id: string) => (await sqlOn('programs', 'SELECT title, women, men, attendance, cancelled_at FROM event WHERE id = $1', [id]))[0];
  const correct = (call: Call, id: string, correction: object) => () =>
    gql(`mutation($id: ID!, $c: EventCorrection!) { correctEvent(id: $id, correction: $c, reason: "Recompté") { id } }`, {
      ...call,
      variables: { id, c: correction },
    });

  it('a council and the national office correct one event: both corrections, in one order, each entry seeing the other', async () => {
    const id = await newEvent();
    expect(
      outcomes(
        await atOnce('programs', 'event', 'id', id, [
          correct(council09, id, { women: 31 }),
          correct(national, id, { men: 52, title: `Caravane ${stamp} (bis)` }),
        ]),
      ),
    ).toEqual([true, true]);
    expect(await eventRow(id)).toMatchObject({ women: 31, men: 52, attendance: 83, title: `Caravane ${stamp} (bis)` });
    const [, first, second] = await changes('programs', 'Event', id);
    expect([first.action, second.action]).toEqual(['EVENT_CORRECTED', 'EVENT_CORRECTED']);
    // The second saw the first's result, never the row as both found it.
    expect(second.before).toMatchObject({ women: first.after.women, men: first.after.men, attendance: first.after.attendance });
    expect(second.after.attendance).toBe(83);
  });

  it('a correction and a cancellation: the cancellation holds, the correction before it or refused after it', async () => {
    const id = await newEvent();
    const [corrected, cancelled] = outcomes(
      await atOnce('programs', 'event', 'id', id, [
        correct(council09, id, { women: 44 }),
        () => gql(`mutation($id: ID!) { cancelEvent(id: $id, reason: "Reportée") { id } }`, { ...national, variables: { id } }),
      ]),
    );
    expect(cancelled).toBe(true);
    const row = await eventRow(id);
    expect([row.cancelled_at !== null, row.women]).toEqual([true, corrected ? 44 : 20]);
    expect((await changes('programs', 'Event', id)).map((c) => c.action)).toEqual([
      'EVENT_RECORDED',
      ...(corrected ? ['EVENT_CORRECTED'] : []),
      'EVENT_CANCELLED',
    ]);
  });

  const programme = (code: string, overrides: object = {}) => ({
    code,
    name: 'Programme de test',
    description: 'Deux écritures à la fois.',
    kind: 'TRAINING',
    operator: 'Maroc PME',
    regions: ['MA-03'],
    startYear: 2026,
    eligibility: 'Auto-entrepreneurs',
    scope: 'ALL',
    source: 'Test',
    ...overrides,
  });
  const create = async (input: object) =>
    ok(await gql(`mutation($input: ProgrammeInput!) { createProgramme(input: $input) { code } }`, { ...national, variables: { input } }));
  // A loan programme of this suite's own: enrolments.test counts the seeded ones.
  const LOANS = `TEST-LOANS-${stamp}`;
  beforeAll(() => create(programme(LOANS, { kind: 'HONOUR_LOAN', maxAmount: 50_000 })));

  async function activeLoan(): Promise<string> {
    const beneficiary = await personIn03();
    const ENROL = `mutation($input: EnrolmentInput!) { enrol(input: $input) { id } }`;
    const { id } = ok(
      await gql(ENROL, { as: 'ADVISOR_MA03', variables: { input: { programme: LOANS, autoEntrepreneur: beneficiary, amount: 20_000 } } }),
    ).enrol;
    for (const status of ['ACCEPTED', 'ACTIVE'])
      ok(await gql(`mutation($id: ID!) { moveEnrolment(id: $id, status: ${status}) { id } }`, { as: 'ADVISOR_MA03', variables: { id } }));
    return id;
  }
  const repay = (id: string, amount: number) => () =>
    gql(`mutation($id: ID!, $amount: Float!) { recordRepayment(id: $id, amount: $amount) { repaidAmount } }`, {
      as: 'ADVISOR_MA03',
      variables: { id, amount },
    });
  const repaid = async (id: string) => Number((await sqlOn('programs', 'SELECT repaid_amount FROM enrolment WHERE id = $1', [id]))[0].repaid_amount);

  it('two repayments of one loan: both counted (no repayment lost to the other)', async () => {
    const id = await activeLoan();
    expect(outcomes(await atOnce('programs', 'enrolment', 'id', id, [repay(id, 5_000), repay(id, 7_000)]))).toEqual([true, true]);
    expect(await repaid(id)).toBe(12_000);
  });

  it('two repayments that together exceed the loan: one applies, the other is refused', async () => {
    const id = await activeLoan();
    const applied = outcomes(await atOnce('programs', 'enrolment', 'id', id, [repay(id, 15_000), repay(id, 15_000)]));
    expect(applied.filter(Boolean)).toHaveLength(1);
    expect(await repaid(id)).toBe(15_000);
  });

  it('two deactivations of one advisor: one applies with its reason, the other is told', async () => {
    const { id } = ok(
      await gql(`mutation($input: AdvisorInput!) { registerAdvisor(input: $input) { id } }`, {
        ...council09,
        variables: { input: { fullName: `Conseiller ${stamp}`, region: 'MA-09' } },
      }),
    ).registerAdvisor;
    const deactivate = (call: Call, reason: string) => () =>
      gql(`mutation($id: ID!) { deactivateAdvisor(id: $id, reason: "${reason}") { id } }`, { ...call, variables: { id } });
    const applied = outcomes(await atOnce('programs', 'advisor', 'id', id, [deactivate(council09, 'Mutation'), deactivate(national, 'Départ')]));
    expect(applied.filter(Boolean)).toHaveLength(1);
    const [row] = await sqlOn('programs', 'SELECT active, deactivation_reason FROM advisor WHERE id = $1', [id]);
    expect(row).toEqual({ active: false, deactivation_reason: applied[0] ? 'Mutation' : 'Départ' });
  });

  it("a workshop training an advisor and that advisor's deactivation: trained while active, or refused once not", async () => {
    const { id } = ok(
      await gql(`mutation($input: AdvisorInput!) { registerAdvisor(input: $input) { id } }`, {
        ...council09,
        variables: { input: { fullName: `Formée ${stamp}`, region: 'MA-09' } },
      }),
    ).registerAdvisor;
    const input = { region: 'MA-09', heldOn: '2021-05-04', place: 'Agadir', trainer: 'Maroc PME', advisors: [id] };
    const [trained, deactivated] = outcomes(
      await atOnce('programs', 'advisor', 'id', id, [
        () => gql(`mutation($input: WorkshopInput!) { recordWorkshop(input: $input) { id } }`, { ...council09, variables: { input } }),
        () => gql(`mutation($id: ID!) { deactivateAdvisor(id: $id, reason: "Départ") { id } }`, { ...national, variables: { id } }),
      ]),
    );
    expect(deactivated).toBe(true);
    const [row] = await sqlOn('programs', 'SELECT active, trained_on FROM advisor WHERE id = $1', [id]);
    expect([row.active, row.trained_on !== null]).toEqual([false, trained]);
  });

  it('two edits of one programme: both apply, the second entry seeing the first', async () => {
    const code = `TEST-RACE-${stamp}`;
    await create(programme(code));
    const edit = (change: object) => () =>
      gql(`mutation($code: ID!, $edit: ProgrammeEdit!) { editProgramme(code: $code, edit: $edit, reason: "Mise à jour") { code } }`, {
        ...national,
        variables: { code, edit: change },
      });
    expect(outcomes(await atOnce('programs', 'programme', 'code', code, [edit({ name: 'Programme renommé' }), edit({ budget: 250_000 })]))).toEqual([
      true,
      true,
    ]);
    const [row] = await sqlOn('programs', 'SELECT name, budget FROM programme WHERE code = $1', [code]);
    expect([row.name, Number(row.budget)]).toEqual(['Programme renommé', 250_000]);
    const edits = (await changes('programs', 'Programme', code)).filter((c) => c.action !== 'PROGRAMME_CREATED');
    expect(edits).toHaveLength(2);
    expect(edits[1].before).toMatchObject(edits[0].after);
  });
});

describe('two writers on one target, partner or key at once', () => {
  it('a council and the national office revise one target: both revisions, chained', async () => {
    const year = 2040 + randomInt(0, 60);
    const input = { indicator: 'AE_REGISTRATIONS', region: 'MA-09', fromYear: year, toYear: year, value: 100, source: 'Test' };
    const { id } = ok(await gql(`mutation($input: TargetInput!) { setTarget(input: $input) { id } }`, { ...council09, variables: { input } })).setTarget;
    const revise = (call: Call, value: number) => () =>
      gql(`mutation($id: ID!) { reviseTarget(id: $id, value: ${value}, reason: "Révision") { id } }`, { ...call, variables: { id } });
    expect(outcomes(await atOnce('indicators', 'target', 'id', id, [revise(council09, 120), revise(national, 150)]))).toEqual([true, true]);
    const [set, ...revisions] = await sqlOn('indicators', 'SELECT previous_value, value FROM target_revision WHERE target_id = $1 ORDER BY id', [id]);
    expect(set).toEqual({ previous_value: null, value: 100 });
    expect(revisions).toHaveLength(2);
    expect(revisions[0].previous_value).toBe(100);
    expect(revisions[1].previous_value).toBe(revisions[0].value);
    const [target] = await sqlOn('indicators', 'SELECT value FROM target WHERE id = $1', [id]);
    expect(target.value).toBe(revisions[1].value);
  });

  it('two renamings of one partner: both, in one order, the second seeing the first', async () => {
    const code = `RACE-${stamp}`;
    ok(
      await gql(`mutation($input: PartnerInput!) { createPartner(input: $input) { code } }`, {
        ...council09,
        variables: { input: { code, name: 'Association A', kind: 'ASSOCIATION', region: 'MA-09' } },
      }),
    );
    const rename = (call: Call, name: string) => () =>
      gql(`mutation($code: ID!) { renamePartner(code: $code, name: "${name}", reason: "Nouveau nom") { code } }`, { ...call, variables: { code } });
    expect(outcomes(await atOnce('regions', 'partner', 'code', code, [rename(council09, 'Association B'), rename(national, 'Association C')]))).toEqual([
      true,
      true,
    ]);
    const renamings = (await changes('regions', 'Partner', code)).filter((c) => c.action !== 'PARTNER_CREATED');
    expect(renamings).toHaveLength(2);
    expect(renamings[1].before).toMatchObject(renamings[0].after);
    const [row] = await sqlOn('regions', 'SELECT name FROM partner WHERE code = $1', [code]);
    expect(row.name).toBe(renamings[1].after.name);
  });

  it('two signatures of one convention: one applies with its year, the other is told', async () => {
    const code = `CONV-RACE-${stamp}`;
    const input = {
      code,
      title: 'Convention de test',
      kind: 'PARTNERSHIP',
      region: 'MA-09',
      summary: 'Deux signatures.',
      source: 'Test',
      parties: ['MAROC-PME'],
    };
    ok(await gql(`mutation($input: ConventionInput!) { createConvention(input: $input) { code } }`, { ...council09, variables: { input } }));
    const sign = (call: Call, year: number) => () =>
      gql(`mutation($code: ID!) { signConvention(code: $code, year: ${year}) { code } }`, { ...call, variables: { code } });
    const applied = outcomes(await atOnce('regions', 'convention', 'code', code, [sign(council09, 2024), sign(national, 2025)]));
    expect(applied.filter(Boolean)).toHaveLength(1);
    const [row] = await sqlOn('regions', 'SELECT status, signed_year FROM convention WHERE code = $1', [code]);
    expect(row).toEqual({ status: 'SIGNED', signed_year: applied[0] ? 2024 : 2025 });
    expect((await changes('regions', 'Convention', code)).map((c) => c.action).filter((a) => a !== 'CONVENTION_CREATED')).toHaveLength(1);
  });

  it('two revocations of one API key: one applies with its reason, the other is told', async () => {
    const issued = ok(
      await gql(`mutation($input: ApiKeyInput!) { issueApiKey(input: $input) { apiKey { id } } }`, {
        ...national,
        variables: { input: { name: `Race ${stamp}`, owner: 'Test', scopes: ['GRAPHQL'] } },
      }),
    ).issueApiKey.apiKey;
    const revoke = (reason: string) => () =>
      gql(`mutation($id: ID!) { revokeApiKey(id: $id, reason: "${reason}") { id } }`, { ...national, variables: { id: issued.id } });
    const applied = outcomes(await atOnce('regions', 'api_key', 'id', issued.id, [revoke('Fin de convention'), revoke('Clé divulguée')]));
    expect(applied.filter(Boolean)).toHaveLength(1);
    const [row] = await sqlOn('regions', 'SELECT revoke_reason FROM api_key WHERE id = $1', [issued.id]);
    expect(row.revoke_reason).toBe(applied[0] ? 'Fin de convention' : 'Clé divulguée');
  });
});
