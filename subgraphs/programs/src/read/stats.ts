import type { EntityManager } from 'typeorm';

/** Enrolment figures of one programme in one region, for enrolments made in a year (or all years). */
export interface ProgrammeFigures {
  programmeCode: string;
  regionCode: string;
  applied: number;
  accepted: number;
  active: number;
  completed: number;
  dropped: number;
  beneficiaries: number;
  women: number;
  amountLent: number;
  amountRepaid: number;
}

/** One grouped statement over the enrolments of the period (indexed on region and date). */
export async function programmeFigures(db: EntityManager, year: number | null): Promise<ProgrammeFigures[]> {
  const lo = year === null ? '-infinity' : `${year}-01-01T00:00:00Z`;
  const hi = year === null ? 'infinity' : `${year + 1}-01-01T00:00:00Z`;
  return db.query(
    `SELECT programme_code AS "programmeCode", region_code AS "regionCode",
       count(*) FILTER (WHERE status = 'APPLIED')::int AS applied,
       count(*) FILTER (WHERE status = 'ACCEPTED')::int AS accepted,
       count(*) FILTER (WHERE status = 'ACTIVE')::int AS active,
       count(*) FILTER (WHERE status = 'COMPLETED')::int AS completed,
       count(*) FILTER (WHERE status = 'DROPPED')::int AS dropped,
       count(*) FILTER (WHERE status IN ('ACCEPTED', 'ACTIVE', 'COMPLETED'))::int AS beneficiaries,
       count(*) FILTER (WHERE status IN ('ACCEPTED', 'ACTIVE', 'COMPLETED') AND gender = 'FEMALE')::int AS women,
       coalesce(sum(amount), 0)::float8 AS "amountLent",
       coalesce(sum(repaid_amount), 0)::float8 AS "amountRepaid"
     FROM enrolment WHERE enrolled_at >= $1 AND enrolled_at < $2
     GROUP BY programme_code, region_code`,
    [lo, hi],
  );
}

const KEYS = ['applied', 'accepted', 'active', 'completed', 'dropped', 'beneficiaries', 'women', 'amountLent', 'amountRepaid'] as const;

/** Adds rows up (e.g. a programme over all its regions). */
export function total(rows: ProgrammeFigures[], programmeCode: string, regionCode: string): ProgrammeFigures {
  const sum: ProgrammeFigures = {
    programmeCode,
    regionCode,
    applied: 0,
    accepted: 0,
    active: 0,
    completed: 0,
    dropped: 0,
    beneficiaries: 0,
    women: 0,
    amountLent: 0,
    amountRepaid: 0,
  };
  for (const row of rows) for (const key of KEYS) sum[key] += row[key];
  return sum;
}
