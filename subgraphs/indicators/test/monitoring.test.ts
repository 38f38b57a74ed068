import { spawnSync } from 'node:child_process';
import { randomInt } from 'node:crypto';
import { join } from 'node:path';
import { OWNED } from '../../../test/regions';
import { codes, gql, ok, signedToken, sqlOn } from '../../../test/support';

const THIS_YEAR = new Date().getUTCFullYear();
const CARD = `indicatorCode fromYear toYear target targetSource actual progress status trend`;

const sql = (text: string, params: unknown[] = []) => sqlOn('indicators', text, params);

const pick = (rows: any[], code: string) => rows.find((r) => r.indicatorCode === code);
const HERE = OWNED.monitoring;

const PROGRAMME_KIND: Record<string, string> = {
  BENEFICIARIES_HONOUR_LOAN: 'HONOUR_LOAN',
  BENEFICIARIES_TPME_PROMOTION: 'TPME_PROMOTION',
  BENEFICIARIES_PROJECT_HOLDER_SUPPORT: 'PROJECT_HOLDER_SUPPORT',
  BENEFICIARIES_POST_CREATION_SUPPORT: 'POST_CREATION_SUPPORT',
};

/**
 * An indicator's actual counted straight from its owner's rows (people registered in the period;
 * beneficiaries accepted into a programme of that kind in the period), not from any figure the
 * graph computes or keeps, so that the scorecard is checked against something it did not produce.
 */
async function actualFromRows(code: string, scope: string | null, fromYear: number, toYear: number): Promise<number> {
  const until = `${toYear + 1}-01-01T00:00:00Z`;
  if (code === 'AE_REGISTRATIONS' || code === 'AE_REGISTERED_TO_DATE') {
    const from = code === 'AE_REGISTRATIONS' ? `${fromYear}-01-01T00:00:00Z` : '1900-01-01T00:00:00Z';
    const [row] = await sqlOn(
      'registry',
      `SELECT count(*)::int AS n FROM auto_entrepreneur WHERE registered_at >= $1 AND registered_at < $2 AND ($3::text IS NULL OR region_code = $3)`,
      [from, until, scope],
    );
    return row.n;
  }
  const [row] = await sqlOn(
    'programs',
    `SELECT count(*)::int AS n FROM enrolment e JOIN programme p ON p.code = e.programme_code
     WHERE p.kind = $1 AND e.enrolled_at >= $2 AND e.enrolled_at < $3 AND e.status IN ('ACCEPTED', 'ACTIVE', 'COMPLETED') AND ($4::text IS NULL OR e.region_code = $4)`,
    [PROGRAMME_KIND[code], `${fromYear}-01-01T00:00:00Z`, until, scope],
  );
  return row.n;
}

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
    // The targets of the sources (FACTS: the national committee, the 2018 convention, the Fès-Meknès convention).
    const expected: Array<[any[], string | null, string, number, number, number]> = [
      [n2019, null, 'AE_REGISTRATIONS', 2018, 2019, 150_000],
      [n2019, null, 'BENEFICIARIES_HONOUR_LOAN', 2018, 2019, 100],
      [n2020, null, 'AE_REGISTERED_TO_DATE', 2020, 2020, 100_000],
      [fm2019, 'MA-03', 'AE_REGISTRATIONS', 2019, 2019, 500],
      [fm2019, 'MA-03', 'BENEFICIARIES_TPME_PROMOTION', 2019, 2019, 20],
      [fm2019, 'MA-03', 'BENEFICIARIES_PROJECT_HOLDER_SUPPORT', 2019, 2019, 200],
      [fm2019, 'MA-03', 'BENEFICIARIES_POST_CREATION_SUPPORT', 2019, 2019, 20],
      [fm2020, 'MA-03', 'AE_REGISTRATIONS', 2019, 2020, 1_500],
      [fm2020, 'MA-03', 'BENEFICIARIES_TPME_PROMOTION', 2020, 2020, 60],
      [fm2020, 'MA-03', 'BENEFICIARIES_PROJECT_HOLDER_SUPPORT', 2020, 2020, 600],
      [fm2020, 'MA-03', 'BENEFICIARIES_POST_CREATION_SUPPORT', 2020, 2020, 40],
    ];
    for (const [card, scope, code, fromYear, toYear, target] of expected) {
      const actual = await actualFromRows(code, scope, fromYear, toYear);
      const row = pick(card, code);
      expect(row).toMatchObject({ fromYear, toYear, target, actual });
      expect(row.targetSource).toBeTruthy();
      expect(row.progress).toBeCloseTo(actual / target, 10);
      expect(row.status).toBe(actual >= target ? 'ACHIEVED' : 'MISSED'); // every period of the sources is over
    }
    for (const row of n2019.filter((r: any) => r.target === null)) expect(row.status).toBe('NO_TARGET');
  });

  it('moves the live actual at once when a registration is made', async () => {
    const card = async () =>
      pick(
        ok(await gql(`{ region(code: "${HERE}") { scorecardFor(year: ${THIS_YEAR}) { statuses { ${CARD} } } } }`)).region.scorecardFor.statuses,
        'AE_REGISTRATIONS',
      );
    const before = await card();
    const input = {
      fullName: 'Rajae Naciri',
      nationalId: `ZS${randomInt(1_000_000, 10_000_000)}`,
      gender: 'FEMALE',
      birthDate: '1993-02-02',
      region: HERE,
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
    const input = { indicator: 'WOMEN_SHARE', region: HERE, fromYear: year, toYear: year, value: 0.4, source: 'Feuille de route régionale (test)' };
    expect(codes(await gql(`mutation($input: TargetInput!) { setTarget(input: $input) { id } }`, { as: 'REGIONAL_MA09', variables: { input } }))).toEqual([
      'FORBIDDEN',
    ]);
    const target = ok(
      await gql(`mutation($input: TargetInput!) { setTarget(input: $input) { id value region { code } } }`, { as: 'NATIONAL', variables: { input } }),
    ).setTarget;
    expect(target).toMatchObject({ value: 0.4, region: { code: HERE } });
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
    const card = ok(await gql(`{ region(code: "${HERE}") { scorecardFor(year: ${year}) { statuses { indicatorCode target } } } }`)).region.scorecardFor
      .statuses;
    expect(pick(card, 'WOMEN_SHARE').target).toBe(0.45);
    expect(codes(await gql(`mutation { reviseTarget(id: "999999", value: 1, reason: "none here") { id } }`, { as: 'NATIONAL' }))).toEqual(['BAD_USER_INPUT']);
  });

  it('records qualitative assessments on a 1-5 scale and refuses anything else', async () => {
    const inHere = async () => (await sql('SELECT count(*)::int AS n FROM assessment WHERE region_code = $1', [HERE]))[0].n;
    const before = await inHere();
    const advisor = `Bearer ${signedToken({ subject: 'test-advisor-monitoring', role: 'ADVISOR', region: HERE })}`;
    const assess = (input: Record<string, unknown>, as?: 'PARTNER') =>
      gql(`mutation($input: AssessmentInput!) { recordAssessment(input: $input) { rating authorSubject region { code } } }`, {
        as,
        authorization: as ? undefined : advisor,
        variables: { input },
      });
    const base = { indicator: 'ADVISOR_SUPPORT_QUALITY', region: HERE, year: 2020, rating: 4, comment: 'Suivi régulier des bénéficiaires' };
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
    expect(await inHere()).toBe(before);
    expect(ok(await assess(base)).recordAssessment).toEqual({ rating: 4, authorSubject: 'test-advisor-monitoring', region: { code: HERE } });
    ok(await assess({ ...base, rating: 2 }));
    // The mean of every rating of the region and year, the seeded ones included, computed from the rows.
    const [{ mean }] = await sql(
      `SELECT avg(rating)::float8 AS mean FROM assessment WHERE indicator_code = 'ADVISOR_SUPPORT_QUALITY' AND region_code = $1 AND year = 2020`,
      [HERE],
    );
    const card = ok(await gql(`{ region(code: "${HERE}") { scorecardFor(year: 2020) { statuses { indicatorCode actual } } } }`)).region.scorecardFor.statuses;
    expect(pick(card, 'ADVISOR_SUPPORT_QUALITY').actual).toBeCloseTo(mean, 10);
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
