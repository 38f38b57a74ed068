import { STILL } from '../../../test/regions';
import { gql, ok, sqlOn } from '../../../test/support';

/**
 * The register's statistics against an oracle of their own: counted again from the people's and
 * the declarations' rows in SQL, not read from the rollup that serves them (a rollup that
 * miscounted would agree with itself). In the still regions (test/regions.ts), where nobody
 * writes while this runs. The national figures are the regions' sum (registry.test.ts), so a
 * region recounted right and a sum checked cover them.
 */
const FIGURES = 'applications registered rejected struckOff active registeredToDate women turnover taxContribution';
const BREAKDOWN = 'key applications registered active women turnover taxContribution';
const DIMENSIONS = ['bySegment', 'byActivityCategory', 'byGender'] as const;

type Row = Record<string, number | string>;
type Recount = Map<string, Record<string, Row[]>>;

/**
 * Every figure of a region for each calendar year from `first` to `last` and for all years
 * ("all"), whole and grouped by each dimension, in one statement. Periods are UTC calendar years;
 * "active" is registered before the period's end and not struck off by then.
 */
async function recount(region: string, first: number, last: number): Promise<Recount> {
  const rows = await sqlOn<Row>(
    'registry',
    `WITH periods AS (
       SELECT y::text AS period, y AS y1, y AS y2 FROM generate_series($2::int, $3::int) AS y UNION ALL SELECT 'all', 1900, 9998),
     bounds AS (SELECT period, y1, y2, make_timestamptz(y1, 1, 1, 0, 0, 0, 'UTC') AS start, make_timestamptz(y2 + 1, 1, 1, 0, 0, 0, 'UTC') AS stop FROM periods)
     SELECT b.period,
       CASE WHEN grouping(a.segment) = 0 THEN 'bySegment' WHEN grouping(a.activity_category) = 0 THEN 'byActivityCategory'
            WHEN grouping(a.gender) = 0 THEN 'byGender' ELSE 'all' END AS dimension,
       coalesce(a.segment::text, a.activity_category::text, a.gender::text) AS key,
       count(*) FILTER (WHERE a.submitted_at >= start AND a.submitted_at < stop)::int AS applications,
       count(*) FILTER (WHERE a.registered_at >= start AND a.registered_at < stop)::int AS registered,
       count(*) FILTER (WHERE a.rejected_at >= start AND a.rejected_at < stop)::int AS rejected,
       count(*) FILTER (WHERE a.struck_off_at >= start AND a.struck_off_at < stop)::int AS "struckOff",
       count(*) FILTER (WHERE a.registered_at < stop AND (a.struck_off_at IS NULL OR a.struck_off_at >= stop))::int AS active,
       count(*) FILTER (WHERE a.registered_at < stop)::int AS "registeredToDate",
       count(*) FILTER (WHERE a.registered_at >= start AND a.registered_at < stop AND a.gender = 'FEMALE')::int AS women,
       coalesce(sum(d.amount), 0)::float8 AS turnover,
       coalesce(sum(d.tax), 0)::float8 AS "taxContribution"
     FROM bounds b CROSS JOIN auto_entrepreneur a
     LEFT JOIN LATERAL (SELECT sum(amount) AS amount, sum(tax) AS tax FROM turnover_declaration
       WHERE auto_entrepreneur_id = a.id AND year BETWEEN b.y1 AND b.y2) d ON true
     WHERE a.region_code = $1
     GROUP BY GROUPING SETS ((b.period), (b.period, a.segment), (b.period, a.activity_category), (b.period, a.gender))`,
    [region, first, last],
  );
  const periods: Recount = new Map();
  for (const row of rows) {
    const period = periods.get(String(row.period)) ?? { all: [], bySegment: [], byActivityCategory: [], byGender: [] };
    period[String(row.dimension)].push(row);
    periods.set(String(row.period), period);
  }
  return periods;
}

/** A breakdown as a map from its key to its figures, leaving out groups with nothing in the period. */
function byKey(rows: Row[], fields: string): Record<string, Row> {
  const names = fields.split(' ').filter((f) => f !== 'key');
  const kept = rows.filter((row) => names.some((f) => row[f] !== 0));
  return Object.fromEntries(kept.map((row) => [row.key, Object.fromEntries(names.map((f) => [f, row[f]]))]));
}

function pick(row: Row, fields: string): Row {
  return Object.fromEntries(fields.split(' ').map((f) => [f, row[f]]));
}

/** What registrationStats should answer for a period, from the recount. */
function expectedStats(recounted: Recount, period: string) {
  const groups = recounted.get(period)!;
  const [all] = groups.all;
  const breakdowns = Object.fromEntries(DIMENSIONS.map((d) => [d, byKey(groups[d], BREAKDOWN)]));
  return { ...pick(all, FIGURES), womenShare: Number(all.registered) ? Number(all.women) / Number(all.registered) : 0, ...breakdowns };
}

function answeredStats(answer: any) {
  const { bySegment, byActivityCategory, byGender, ...figures } = answer;
  return { ...figures, bySegment: byKey(bySegment, BREAKDOWN), byActivityCategory: byKey(byActivityCategory, BREAKDOWN), byGender: byKey(byGender, BREAKDOWN) };
}

const STATS = `${FIGURES} womenShare bySegment { ${BREAKDOWN} } byActivityCategory { ${BREAKDOWN} } byGender { ${BREAKDOWN} }`;

describe('the register statistics, recounted from the rows', () => {
  it.each(STILL)('of %s: each year of its timeline, each year and all years with every breakdown', async (region) => {
    const first = 2015;
    const last = new Date().getUTCFullYear();
    const years = Array.from({ length: last - first + 1 }, (_, i) => first + i);
    const { region: answered } = ok(
      await gql(
        `query($code: ID!) { region(code: $code) {
          ${years.map((y) => `y${y}: registrationStats(year: ${y}) { ${STATS} }`).join('\n')}
          all: registrationStats { ${STATS} }
          registrationsByYear { year applications registered women registeredToDate struckOff turnover taxContribution }
        } }`,
        { variables: { code: region } },
      ),
    );

    const recounted = await recount(region, first, last);
    const timeline = answered.registrationsByYear;
    expect(timeline.length).toBeGreaterThan(3);
    for (const year of timeline) {
      const [all] = recounted.get(String(year.year))!.all;
      expect(year).toEqual({ year: year.year, ...pick(all, 'applications registered women registeredToDate struckOff turnover taxContribution') });
    }
    for (const year of years) expect([year, answeredStats(answered[`y${year}`])]).toEqual([year, expectedStats(recounted, String(year))]);
    expect(answeredStats(answered.all)).toEqual(expectedStats(recounted, 'all'));
  });
});
