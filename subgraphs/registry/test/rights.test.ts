import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ownStack, type OwnStack } from '../../../test/stack';
import { codes, gql, ok, sqlOn } from '../../../test/support';

/** The data subjects' rights of law 09-08: access to everything held on a person, and retention. */
describe("a data subject's access request", () => {
  const ACCESS = `query($id: ID!, $reason: String!) { personalDataOf(id: $id, reason: $reason) {
    id fullName nationalId phone address birthDate status registrationNumber region { code }
    history { kind at } declarations { year quarter amount } enrolments { programme { code } status followUps { on kind } } } }`;

  it('gives the national office everything held on one person across the subgraphs, recorded with its reason', async () => {
    const [{ person }] = await sqlOn('programs', `SELECT auto_entrepreneur_id AS person FROM enrolment WHERE region_code = 'MA-09' ORDER BY id LIMIT 1`);
    const reason = 'Demande écrite de l’intéressé du 3 mars';
    const data = ok(await gql(ACCESS, { as: 'NATIONAL', variables: { id: person, reason } })).personalDataOf;
    expect(data).toMatchObject({ id: person, region: { code: 'MA-09' } });
    expect(data.nationalId).toMatch(/^[A-Z]{1,2}\d+$/); // in full
    expect(data.history.length).toBeGreaterThan(0);
    expect(data.enrolments.length).toBeGreaterThan(0); // from the programs subgraph, in the same operation
    const trail = ok(
      await gql(`query($id: ID!) { auditTrail(person: $id, first: 20) { edges { node { action detail actor } } } }`, {
        as: 'NATIONAL',
        variables: { id: person },
      }),
    ).auditTrail.edges.map((e: any) => e.node);
    expect(trail.find((e: any) => e.action === 'SUBJECT_ACCESS')).toMatchObject({ actor: 'test-national' });
    expect(JSON.parse(trail.find((e: any) => e.action === 'SUBJECT_ACCESS').detail)).toMatchObject({ reason, found: true });
    for (const as of ['REGIONAL_MA09', 'ADVISOR_MA09', 'PARTNER'] as const)
      expect(codes(await gql(ACCESS, { as, variables: { id: person, reason } }))).toEqual(['FORBIDDEN']);
    expect((await gql(ACCESS, { as: 'NATIONAL', variables: { id: person, reason: 'x' } })).errors![0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'reason',
    });
  });
});

/**
 * Retention, on a register of its own: people struck off more than N years ago are anonymised, and
 * every aggregate stays what it was, read through the graph and recounted from the rows.
 */
describe('retention', () => {
  let stack: OwnStack;
  beforeAll(async () => {
    stack = await ownStack('retention_', 1_500);
  }, 120_000);
  afterAll(() => stack?.stop());

  const FIGURES = `{ nationalStats { applications registered rejected struckOff active women turnover taxContribution }
    registrationsByYear { year applications registered women registeredToDate }
    regions { code registrationStats { applications registered struckOff active women turnover } }
    y2019: scorecards(year: 2019) { scope statuses { indicatorCode actual } }
    y2024: scorecards(year: 2024) { scope statuses { indicatorCode actual } } }`;
  const recount = () =>
    sqlOn(
      'registry',
      `SELECT region_code, extract(year FROM submitted_at)::int AS year, gender, segment, activity_category, status,
         extract(year FROM registered_at)::int AS registered, extract(year FROM struck_off_at)::int AS struck, count(*)::int AS n
       FROM auto_entrepreneur GROUP BY 1, 2, 3, 4, 5, 6, 7, 8 ORDER BY 1, 2, 3, 4, 5, 6, 7, 8`,
      [],
      'retention_',
    );

  it('anonymises people struck off long ago, and every statistic, rollup and indicator stays equal', async () => {
    const graph = async () => ok(await gql(FIGURES, { as: 'NATIONAL', origin: stack.origin }));
    // A rectification kept the previous details in the history: they go with the rest.
    const [old] = await sqlOn(
      'registry',
      `SELECT id FROM auto_entrepreneur WHERE status = 'STRUCK_OFF' AND struck_off_at < now() - interval '4 years' LIMIT 1`,
      [],
      'retention_',
    );
    ok(
      await gql(`mutation($id: ID!) { rectifyPersonalDetails(id: $id, details: { phone: "0611223344" }, reason: "Demande de l'intéressé") { id } }`, {
        as: 'NATIONAL',
        origin: stack.origin,
        variables: { id: old.id },
      }),
    );
    const [before, rowsBefore] = [await graph(), await recount()];
    const run = spawnSync(process.execPath, [join(__dirname, '..', 'dist', 'main.js'), 'anonymise', '--years', '3'], {
      env: { ...process.env, DATABASE_URL: process.env.TEST_DATABASE_URL, DATABASE_PREFIX: 'retention_', LOG_LEVEL: 'silent' },
      encoding: 'utf8',
    });
    expect(run.status).toBe(0);
    const count = Number(/(\d+) people anonymised/.exec(run.stdout)?.[1]);
    const [{ anonymised }] = await sqlOn(
      'registry',
      `SELECT count(*)::int AS anonymised FROM auto_entrepreneur WHERE anonymised_at IS NOT NULL`,
      [],
      'retention_',
    );
    expect(count).toBeGreaterThan(10);
    expect(anonymised).toBe(count);
    const [person] = await sqlOn('registry', `SELECT id FROM auto_entrepreneur WHERE anonymised_at IS NOT NULL LIMIT 1`, [], 'retention_');
    const read = ok(
      await gql(`query($id: ID!) { autoEntrepreneur(id: $id) { fullName nationalId phone address anonymisedAt } }`, {
        as: 'NATIONAL',
        origin: stack.origin,
        variables: { id: person.id },
      }),
    );
    expect(read.autoEntrepreneur).toMatchObject({ fullName: 'Anonymisé', nationalId: 'ANON', phone: null, address: null });
    const [{ left }] = await sqlOn(
      'registry',
      `SELECT count(*)::int AS left FROM auto_entrepreneur WHERE status = 'STRUCK_OFF' AND struck_off_at < now() - interval '3 years' AND anonymised_at IS NULL`,
      [],
      'retention_',
    );
    expect(left).toBe(0);
    const history = await sqlOn(
      'registry',
      `SELECT detail FROM registry_event WHERE auto_entrepreneur_id = $1 AND kind = 'DETAILS_RECTIFIED'`,
      [old.id],
      'retention_',
    );
    expect(history).toEqual([{ detail: null }]);
    expect(await recount()).toEqual(rowsBefore);
    expect(await graph()).toEqual(before);
    // Run again: nothing left to do.
    const again = spawnSync(process.execPath, [join(__dirname, '..', 'dist', 'main.js'), 'anonymise', '--years', '3'], {
      env: { ...process.env, DATABASE_URL: process.env.TEST_DATABASE_URL, DATABASE_PREFIX: 'retention_', LOG_LEVEL: 'silent' },
      encoding: 'utf8',
    });
    expect(again.stdout).toMatch(/^0 people anonymised/);
  });
});
