import type { EntityManager } from 'typeorm';
import { VersionedCache } from '@moukawil/kit/subgraph';

/** The register's figures of a scope over a period. */
export interface Figures {
  applications: number;
  registered: number;
  rejected: number;
  struckOff: number;
  /** Registered and not struck off at the end of the period. */
  active: number;
  /** Registrations since the register opened, up to the end of the period. */
  registeredToDate: number;
  women: number;
  turnover: number;
  taxContribution: number;
}

/** One cell of the rollup summed over a period: a region × segment × category × gender (its women are its registrations when its gender is FEMALE). */
export interface Cell extends Omit<Figures, 'women'> {
  region: string;
  segment: string;
  category: string;
  gender: string;
}

export const NATIONAL = 'MA';

const cents = (x: number) => Math.round(x * 100) / 100;

/**
 * The rollup cells over [fromYear, toYear] (null = open end): one statement on a table of a few
 * thousand rows, whatever the size of the register.
 */
async function cellsOfPeriod(db: EntityManager, fromYear: number | null, toYear: number | null): Promise<Cell[]> {
  return db.query(
    `SELECT region_code AS region, segment, category, gender,
       coalesce(sum(applications) FILTER (WHERE year BETWEEN $1 AND $2), 0)::int AS applications,
       coalesce(sum(registered) FILTER (WHERE year BETWEEN $1 AND $2), 0)::int AS registered,
       coalesce(sum(rejected) FILTER (WHERE year BETWEEN $1 AND $2), 0)::int AS rejected,
       coalesce(sum(struck_off) FILTER (WHERE year BETWEEN $1 AND $2), 0)::int AS "struckOff",
       coalesce(sum(registered - struck_off) FILTER (WHERE year <= $2), 0)::int AS active,
       coalesce(sum(registered) FILTER (WHERE year <= $2), 0)::int AS "registeredToDate",
       coalesce(sum(turnover) FILTER (WHERE year BETWEEN $1 AND $2), 0)::float8 AS turnover,
       coalesce(sum(tax) FILTER (WHERE year BETWEEN $1 AND $2), 0)::float8 AS "taxContribution"
     FROM registry_rollup GROUP BY region_code, segment, category, gender`,
    [fromYear ?? 0, toYear ?? 9999],
  );
}

/** Rollup cells, kept per period until a write raises registry_rollup_version (rollup.ts). */
export const rollupCache = new VersionedCache<Cell[]>('registry_rollup_version');

export function recentCells(db: EntityManager, fromYear: number | null, toYear: number | null): Promise<Cell[]> {
  return rollupCache.get(db, `${fromYear}|${toYear}`, () => cellsOfPeriod(db, fromYear, toYear));
}

export interface YearRow {
  year: number;
  applications: number;
  registered: number;
  women: number;
  struckOff: number;
  turnover: number;
  taxContribution: number;
}

const EMPTY_YEAR = { applications: 0, registered: 0, women: 0, struckOff: 0, turnover: 0, taxContribution: 0 };

/** Yearly flows of every region, from the rollup (a few hundred rows), kept until the rollup version moves. */
const yearsCache = new VersionedCache<Array<YearRow & { region: string }>>('registry_rollup_version', 1);

export function yearsByRegion(db: EntityManager): Promise<Array<YearRow & { region: string }>> {
  return yearsCache.get(db, 'years', () =>
    db.query(
      `SELECT region_code AS region, year, sum(applications)::int AS applications, sum(registered)::int AS registered,
       coalesce(sum(registered) FILTER (WHERE gender = 'FEMALE'), 0)::int AS women, sum(struck_off)::int AS "struckOff",
       sum(turnover)::float8 AS turnover, sum(tax)::float8 AS "taxContribution"
     FROM registry_rollup GROUP BY region_code, year`,
    ),
  );
}

/** The timeline of a scope ("MA" = national): every year from the first one with data to the last, gaps filled with zeros. */
export function timeline(rows: Array<YearRow & { region: string }>, scope: string): Array<YearRow & { registeredToDate: number }> {
  const byYear = new Map<number, YearRow>();
  for (const row of rows) {
    if (scope !== NATIONAL && row.region !== scope) continue;
    const sum = byYear.get(row.year) ?? { year: row.year, ...EMPTY_YEAR };
    byYear.set(row.year, {
      year: row.year,
      applications: sum.applications + row.applications,
      registered: sum.registered + row.registered,
      women: sum.women + row.women,
      struckOff: sum.struckOff + row.struckOff,
      turnover: sum.turnover + row.turnover,
      taxContribution: sum.taxContribution + row.taxContribution,
    });
  }
  const years = [...byYear.keys()];
  if (years.length === 0) return [];
  const result: Array<YearRow & { registeredToDate: number }> = [];
  let toDate = 0;
  for (let year = Math.min(...years); year <= Math.max(...years); year += 1) {
    const row = byYear.get(year) ?? { year, ...EMPTY_YEAR };
    toDate += row.registered;
    // Sums of amounts in cents, whatever order the regions were added in (floats are not associative).
    result.push({ ...row, turnover: cents(row.turnover), taxContribution: cents(row.taxContribution), registeredToDate: toDate });
  }
  return result;
}

const groupedByRegion = new WeakMap<Cell[], Map<string, Cell[]>>();

/**
 * The cells of one scope ("MA": all of them). Grouped by region once per array: the rollup cache
 * keeps a period's array until the register changes, so a dashboard's 25 scopes no longer filter
 * every cell of the period each (a tenth of the registry's time on the national dashboard). The
 * groups are shared between requests: read them, never change them.
 */
export function cellsOfScope(cells: Cell[], scope: string): Cell[] {
  if (scope === NATIONAL) return cells;
  let groups = groupedByRegion.get(cells);
  if (!groups) groupedByRegion.set(cells, (groups = groupBy(cells, 'region')));
  return groups.get(scope) ?? [];
}

/** The cells by the value of one of their columns, in the order first met. */
function groupBy(cells: Cell[], column: 'region' | Dimension): Map<string, Cell[]> {
  const groups = new Map<string, Cell[]>();
  for (const cell of cells) {
    const group = groups.get(cell[column]);
    if (group) group.push(cell);
    else groups.set(cell[column], [cell]);
  }
  return groups;
}

export function summarize(cells: Cell[]): Figures {
  const total: Figures = {
    applications: 0,
    registered: 0,
    rejected: 0,
    struckOff: 0,
    active: 0,
    registeredToDate: 0,
    women: 0,
    turnover: 0,
    taxContribution: 0,
  };
  for (const c of cells) {
    total.applications += c.applications;
    total.registered += c.registered;
    total.rejected += c.rejected;
    total.struckOff += c.struckOff;
    total.active += c.active;
    total.registeredToDate += c.registeredToDate;
    if (c.gender === 'FEMALE') total.women += c.registered;
    total.turnover += c.turnover;
    total.taxContribution += c.taxContribution;
  }
  total.turnover = cents(total.turnover);
  total.taxContribution = cents(total.taxContribution);
  return total;
}

export function womenShare(figures: Figures): number {
  return figures.registered === 0 ? 0 : figures.women / figures.registered;
}

export type Dimension = 'segment' | 'category' | 'gender';

/** The figures split by one dimension, largest registrations first. */
export function breakdown(cells: Cell[], dimension: Dimension): Array<Figures & { key: string }> {
  return [...groupBy(cells, dimension).entries()]
    .map(([key, group]) => Object.assign(summarize(group), { key }))
    .sort((a, b) => b.registered - a.registered || a.key.localeCompare(b.key));
}
