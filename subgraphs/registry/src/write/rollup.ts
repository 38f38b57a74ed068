import type { EntityManager } from 'typeorm';
import { rollupCache } from '../read/stats';

/**
 * The statistics rollup: registry_rollup holds, per region, year, segment, activity category and
 * gender, the flows of the register (applications, registrations, rejections, strikes-off,
 * declared turnover and tax). Every statistic reads it (at most a few thousand rows, whatever the
 * size of the register); every write adds its delta in the same transaction.
 */
const FLOWS = `
  SELECT a.region_code, extract(year FROM a.submitted_at AT TIME ZONE 'UTC')::int AS year, a.segment, a.activity_category AS category, a.gender,
         1 AS applications, 0 AS registered, 0 AS rejected, 0 AS struck_off, 0::numeric AS turnover, 0::numeric AS tax
    FROM auto_entrepreneur a
  UNION ALL
  SELECT a.region_code, extract(year FROM a.registered_at AT TIME ZONE 'UTC')::int, a.segment, a.activity_category, a.gender, 0, 1, 0, 0, 0, 0
    FROM auto_entrepreneur a WHERE a.registered_at IS NOT NULL
  UNION ALL
  SELECT a.region_code, extract(year FROM a.rejected_at AT TIME ZONE 'UTC')::int, a.segment, a.activity_category, a.gender, 0, 0, 1, 0, 0, 0
    FROM auto_entrepreneur a WHERE a.rejected_at IS NOT NULL
  UNION ALL
  SELECT a.region_code, extract(year FROM a.struck_off_at AT TIME ZONE 'UTC')::int, a.segment, a.activity_category, a.gender, 0, 0, 0, 1, 0, 0
    FROM auto_entrepreneur a WHERE a.struck_off_at IS NOT NULL
  UNION ALL
  SELECT a.region_code, d.year, a.segment, a.activity_category, a.gender, 0, 0, 0, 0, d.amount, d.tax
    FROM turnover_declaration d JOIN auto_entrepreneur a ON a.id = d.auto_entrepreneur_id`;

const REBUILD = `
  INSERT INTO registry_rollup (region_code, year, segment, category, gender, applications, registered, rejected, struck_off, turnover, tax)
  SELECT region_code, year, segment, category, gender, sum(applications), sum(registered), sum(rejected), sum(struck_off), sum(turnover), sum(tax)
    FROM (${FLOWS}) flows GROUP BY region_code, year, segment, category, gender`;

/** Raised in the transaction of every write to the rollup: readers reuse their figures until it moves (stats.ts). */
const RAISE_VERSION = rollupCache.raise;

/** Recomputes the whole rollup from the register (migrations, seeds). */
export const REBUILD_ROLLUP = `TRUNCATE registry_rollup; ${REBUILD}`;

/** The same, and readers drop what they kept (seeds; the table exists from migration RollupVersion on). */
export const REBUILD_ROLLUP_AND_VERSION = `${REBUILD_ROLLUP}; ${RAISE_VERSION}`;

/**
 * Counts these new applications (status SUBMITTED, no declarations yet): the bulk import's share of
 * the rollup, summed from the values it has just written rather than read back (reading a batch's
 * rows again by id was ≈ 9 µs of PostgreSQL's time per row).
 */
export async function addApplicationsToRollup(tx: EntityManager, applications: Array<Dimensions & { year: number }>): Promise<void> {
  if (applications.length === 0) return;
  const counts = new Map<string, { region_code: string; year: number; segment: string; category: string; gender: string; applications: number }>();
  for (const a of applications) {
    const key = `${a.regionCode}|${a.year}|${a.segment}|${a.activityCategory}|${a.gender}`;
    const row = counts.get(key);
    if (row) row.applications++;
    else counts.set(key, { region_code: a.regionCode, year: a.year, segment: a.segment, category: a.activityCategory, gender: a.gender, applications: 1 });
  }
  await tx.query(RAISE_VERSION);
  await tx.query(
    `INSERT INTO registry_rollup AS r (region_code, year, segment, category, gender, applications)
     SELECT region_code, year, segment, category, gender, applications
       FROM json_to_recordset($1::json) AS d(region_code varchar, year int, segment varchar, category varchar, gender varchar, applications int)
       ORDER BY 1, 2, 3, 4, 5 -- rows locked in one order by every writer: two imports never deadlock
     ON CONFLICT (region_code, year, segment, category, gender) DO UPDATE SET applications = r.applications + EXCLUDED.applications`,
    [JSON.stringify([...counts.values()])],
  );
}

export interface Dimensions {
  regionCode: string;
  segment: string;
  activityCategory: string;
  gender: string;
}

export type Delta = Partial<Record<'applications' | 'registered' | 'rejected' | 'struck_off' | 'turnover' | 'tax', number>>;

/** Adds one write's delta (e.g. a registration in 2026) to the rollup. */
export async function bumpRollup(tx: EntityManager, person: Dimensions, year: number, delta: Delta): Promise<void> {
  await tx.query(RAISE_VERSION);
  const columns = Object.keys(delta) as Array<keyof Delta>;
  const params = [person.regionCode, year, person.segment, person.activityCategory, person.gender, ...columns.map((c) => delta[c])];
  await tx.query(
    `INSERT INTO registry_rollup AS r (region_code, year, segment, category, gender, ${columns.join(', ')})
     VALUES ($1, $2, $3, $4, $5, ${columns.map((_, i) => `$${i + 6}`).join(', ')})
     ON CONFLICT (region_code, year, segment, category, gender) DO UPDATE SET
       ${columns.map((c) => `${c} = r.${c} + EXCLUDED.${c}`).join(', ')}`,
    params,
  );
}
