import { spawnSync } from 'node:child_process';
import { randomInt } from 'node:crypto';
import { join } from 'node:path';
import { codes, gql, ok, sqlOn } from '../../../test/support';

const THIS_YEAR = new Date().getUTCFullYear();
const CARD = `indicatorCode fromYear toYear target targetSource actual progress status trend`;

const sql = (text: string, params: unknown[] = []) => sqlOn('indicators', text, params);

const pick = (rows: any[], code: string) => rows.find((r) => r.indicatorCode === code);

describe('the monitoring system, through the gateway', () => {
  it('carries every target of the sources in the scorecards, with its period, and progress = actual / target', async () => {
    const data = ok(
      await gql(`{
      n2019: nationalScorecardFor(year: 2019) { statuses { ${CARD} } }
      n2020: nationalScorecardFor(year: 2020) { statuses { ${CARD} } }
      fm: region(code: "MA-03") { y2019: scorecardFor(year: 2019) { statuses { ${CARD} } } y2020: scorecardFor(year: 2020) { statuses { ${CARD} } } }
    }`),
    );
    const [n2019, n2020, fm2019, fm2020] = [data.n2019.statuses, data.n2020.statuses, data.fm.y2019.statuses, data.fm.y2020.statuses];
    const expected: Array<[any[], string, number, number, number]> = [
      [n2019, 'AE_REGISTRATIONS', 2018, 2019, 150_000],
      [n2019, 'BENEFICIARIES_HONOUR_LOAN', 2018, 2019, 100],
      [n2020, 'AE_REGISTERED_TO_DATE', 2020, 2020, 100_000],
      [fm2019, 'AE_REGISTRATIONS', 2019, 2019, 500],
      [fm2019, 'BENEFICIARIES_TPME_PROMOTION', 2019, 2019, 20],
      [fm2019, 'BENEFICIARIES_PROJECT_HOLDER_SUPPORT', 2019, 2019, 200],
      [fm2019, 'BENEFICIARIES_POST_CREATION_SUPPORT', 2019, 2019, 20],
      [fm2020, 'AE_REGISTRATIONS', 2019, 2020, 1_500],
      [fm2020, 'BENEFICIARIES_TPME_PROMOTION', 2020, 2020, 60],
      [fm2020, 'BENEFICIARIES_PROJECT_HOLDER_SUPPORT', 2020, 2020, 600],
      [fm2020, 'BENEFICIARIES_POST_CREATION_SUPPORT', 2020, 2020, 40],
    ];
    for (const [card, code, fromYear, toYear, target] of expected) {
      const row = pick(card, code);
      expect(row).toMatchObject({ fromYear, toYear, target });
      expect(row.targetSource).toBeTruthy();
      expect(row.actual).not.toBeNull(); // live from registry or programs
      expect(row.progress).toBeCloseTo(row.actual / row.target, 10);
      expect(row.status).toBe(row.actual >= target ? 'ACHIEVED' : 'MISSED'); // every period of the sources is over
    }
    for (const row of n2019.filter((r: any) => r.target === null)) expect(row.status).toBe('NO_TARGET');
  });

  it('moves the live actual at once when a registration is made', async () => {
    const card = async () =>
      pick(
        ok(await gql(`{ region(code: "MA-05") { scorecardFor(year: ${THIS_YEAR}) { statuses { ${CARD} } } } }`)).region.scorecardFor.statuses,
        'AE_REGISTRATIONS',
      );
    const before = await card();
    const input = {
      fullName: 'Rajae Naciri',
      nationalId: `ZS${randomInt(1_000_000, 10_000_000)}`,
      gender: 'FEMALE',
      birthDate: '1993-02-02',
      region: 'MA-05',
      activityCode: 'C-03',
    };
    const { submitApplication } = ok(
      await gql(`mutation($input: ApplicationInput!) { submitApplication(input: $input) { id } }`, { as: 'NATIONAL', variables: { input } }),
    );
    ok(await gql(`mutation($id: ID!) { registerApplication(id: $id) { id } }`, { as: 'NATIONAL', variables: { id: submitApplication.id } }));
    expect((await card()).actual).toBe(before.actual + 1);
  });

  it('sets and revises targets, keeping every revision', async () => {
    const year = 2030 + randomInt(0, 60);
    const input = { indicator: 'WOMEN_SHARE', region: 'MA-05', fromYear: year, toYear: year, value: 0.4, source: 'Feuille de route régionale (test)' };
    expect(codes(await gql(`mutation($input: TargetInput!) { setTarget(input: $input) { id } }`, { as: 'REGIONAL_MA09', variables: { input } }))).toEqual([
      'FORBIDDEN',
    ]);
    const target = ok(
      await gql(`mutation($input: TargetInput!) { setTarget(input: $input) { id value region { code } } }`, { as: 'NATIONAL', variables: { input } }),
    ).setTarget;
    expect(target).toMatchObject({ value: 0.4, region: { code: 'MA-05' } });
    const again = await gql(`mutation($input: TargetInput!) { setTarget(input: $input) { id } }`, { as: 'NATIONAL', variables: { input } });
    expect(codes(again)).toEqual(['BAD_USER_INPUT']);
    const revised = ok(
      await gql(
        `mutation($id: ID!) { reviseTarget(id: $id, value: 0.45, reason: "Objectif relevé par le conseil") { value revisions { previousValue value reason actorSubject } } }`,
        { as: 'NATIONAL', variables: { id: target.id } },
      ),
    ).reviseTarget;
    expect(revised.value).toBe(0.45);
    expect(revised.revisions).toEqual([
      { previousValue: null, value: 0.4, reason: 'Set: Feuille de route régionale (test)', actorSubject: 'test-national' },
      { previousValue: 0.4, value: 0.45, reason: 'Objectif relevé par le conseil', actorSubject: 'test-national' },
    ]);
    const card = ok(await gql(`{ region(code: "MA-05") { scorecardFor(year: ${year}) { statuses { indicatorCode target } } } }`)).region.scorecardFor.statuses;
    expect(pick(card, 'WOMEN_SHARE').target).toBe(0.45);
    expect(codes(await gql(`mutation { reviseTarget(id: "999999", value: 1, reason: "none here") { id } }`, { as: 'NATIONAL' }))).toEqual(['BAD_USER_INPUT']);
  });

  it('records qualitative assessments on a 1-5 scale and refuses anything else', async () => {
    const before = (await sql('SELECT count(*)::int AS n FROM assessment'))[0].n;
    const assess = (input: Record<string, unknown>, as: 'ADVISOR_MA09' | 'PARTNER' = 'ADVISOR_MA09') =>
      gql(`mutation($input: AssessmentInput!) { recordAssessment(input: $input) { rating authorSubject region { code } } }`, { as, variables: { input } });
    const base = { indicator: 'ADVISOR_SUPPORT_QUALITY', region: 'MA-09', year: 2020, rating: 4, comment: 'Suivi régulier des bénéficiaires' };
    for (const [input, field] of [
      [{ ...base, rating: 6 }, 'rating'],
      [{ ...base, rating: 0 }, 'rating'],
      [{ ...base, indicator: 'TURNOVER' }, 'indicator'],
      [{ ...base, year: THIS_YEAR + 1 }, 'year'],
    ] as const) {
      const result = await assess(input);
      expect(codes(result)).toEqual(['BAD_USER_INPUT']);
      expect(result.errors![0].extensions?.field).toBe(field);
    }
    expect(codes(await assess(base, 'PARTNER'))).toEqual(['FORBIDDEN']);
    expect((await sql('SELECT count(*)::int AS n FROM assessment'))[0].n).toBe(before);
    expect(ok(await assess(base)).recordAssessment).toEqual({ rating: 4, authorSubject: 'test-advisor-09', region: { code: 'MA-09' } });
    ok(await assess({ ...base, rating: 2 }));
    const card = ok(await gql(`{ region(code: "MA-09") { scorecardFor(year: 2020) { statuses { indicatorCode actual } } } }`)).region.scorecardFor.statuses;
    expect(pick(card, 'ADVISOR_SUPPORT_QUALITY').actual).toBe(3);
  });

  it('snapshots the actuals and reads trends and history from them', async () => {
    const ports = JSON.parse(process.env.TEST_PORTS!);
    const run = spawnSync(process.execPath, [join(__dirname, '..', 'dist', 'main.js'), 'snapshot', '--year', '2019'], {
      env: { ...process.env, DATABASE_URL: process.env.TEST_DATABASE_URL, DATABASE_PREFIX: 'test_', GATEWAY_PORT: String(ports.gateway), LOG_LEVEL: 'silent' },
      encoding: 'utf8',
    });
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/snapshot of \d+ indicator statuses for 2019 recorded/);
    const today = new Date().toISOString().slice(0, 10);
    const rows = await sql(
      `SELECT * FROM indicator_snapshot WHERE day = $1 AND indicator_code = 'AE_REGISTRATIONS' AND scope = 'MA-03' AND from_year = 2019 AND to_year = 2019`,
      [today],
    );
    expect(rows).toHaveLength(1);
    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    await sql(
      `INSERT INTO indicator_snapshot (day, indicator_code, scope, from_year, to_year, target, actual) VALUES ($1, 'AE_REGISTRATIONS', 'MA-03', 2019, 2019, 500, $2)
      ON CONFLICT DO NOTHING`,
      [yesterday, rows[0].actual - 10],
    );
    const card = ok(await gql(`{ region(code: "MA-03") { scorecardFor(year: 2019) { statuses { indicatorCode actual trend history { day actual } } } } }`))
      .region.scorecardFor.statuses;
    const status = pick(card, 'AE_REGISTRATIONS');
    expect(status.trend).toBe('UP');
    expect(status.history.map((h: any) => h.day)).toEqual([yesterday, today]);
    expect(status.history[1].actual).toBe(status.actual);
  });
});
