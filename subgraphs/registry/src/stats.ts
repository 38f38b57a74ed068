import type { DataSource } from 'typeorm';
import { REGION_CODES } from '@moukawil/kit';

/** Raw counts of one region over a period of whole years. */
export interface Figures {
  applications: number;
  registered: number;
  rejected: number;
  struckOff: number;
  active: number;
  registeredToDate: number;
  women: number;
  turnover: number;
  taxContribution: number;
}

export const NATIONAL = 'MA';

const ZERO: Figures = { applications: 0, registered: 0, rejected: 0, struckOff: 0, active: 0, registeredToDate: 0, women: 0, turnover: 0, taxContribution: 0 };

function add(a: Figures, b: Figures): Figures {
  return Object.fromEntries(Object.keys(ZERO).map((k) => [k, a[k as keyof Figures] + b[k as keyof Figures]])) as unknown as Figures;
}

/**
 * Figures of every region over [fromYear, toYear] (null = open end), two grouped SQL
 * statements whatever the number of regions. The national figure is the sum of the regions,
 * so the two always agree.
 */
export async function figuresByRegion(db: DataSource, fromYear: number | null, toYear: number | null): Promise<Map<string, Figures>> {
  const lo = fromYear === null ? '-infinity' : `${fromYear}-01-01T00:00:00Z`;
  const hi = toYear === null ? 'infinity' : `${toYear + 1}-01-01T00:00:00Z`;
  const [people, money] = await Promise.all([
    db.query(
      `SELECT region_code AS region,
         count(*) FILTER (WHERE submitted_at >= $1 AND submitted_at < $2)::int AS applications,
         count(*) FILTER (WHERE registered_at >= $1 AND registered_at < $2)::int AS registered,
         count(*) FILTER (WHERE rejected_at >= $1 AND rejected_at < $2)::int AS rejected,
         count(*) FILTER (WHERE struck_off_at >= $1 AND struck_off_at < $2)::int AS "struckOff",
         count(*) FILTER (WHERE registered_at < $2 AND (struck_off_at IS NULL OR struck_off_at >= $2))::int AS active,
         count(*) FILTER (WHERE registered_at < $2)::int AS "registeredToDate",
         count(*) FILTER (WHERE registered_at >= $1 AND registered_at < $2 AND gender = 'FEMALE')::int AS women
       FROM auto_entrepreneur GROUP BY region_code`,
      [lo, hi],
    ),
    db.query(
      `SELECT region_code AS region, coalesce(sum(amount), 0)::float8 AS turnover, coalesce(sum(tax), 0)::float8 AS "taxContribution"
       FROM turnover_declaration WHERE year BETWEEN $1 AND $2 GROUP BY region_code`,
      [fromYear ?? 0, toYear ?? 9999],
    ),
  ]);
  const result = new Map<string, Figures>(REGION_CODES.map((code) => [code, { ...ZERO }]));
  for (const row of people) Object.assign(result.get(row.region)!, { ...row, region: undefined });
  for (const row of money) Object.assign(result.get(row.region)!, { turnover: row.turnover, taxContribution: row.taxContribution });
  for (const figures of result.values()) delete (figures as Partial<{ region: unknown }>).region;
  return result;
}

export function nationalOf(byRegion: Map<string, Figures>): Figures {
  const total = [...byRegion.values()].reduce(add, { ...ZERO });
  const cents = (x: number) => Math.round(x * 100) / 100; // sums of MAD amounts, without float dust
  return { ...total, turnover: cents(total.turnover), taxContribution: cents(total.taxContribution) };
}

export function womenShare(figures: Figures): number {
  return figures.registered === 0 ? 0 : figures.women / figures.registered;
}
