/**
 * The demo population, defined once so that every subgraph's seed agrees on who exists:
 * registry gives these people names and turnover, programs enrols some of them.
 * Person i is the same whatever the scale, so a larger seed only adds people.
 */

export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A random stream of its own for person i and a purpose (salt), independent of the scale. */
export function streamFor(i: number, salt: number): () => number {
  return mulberry32(Math.imul(i + 1, 2654435761) ^ Math.imul(salt, 40503));
}

export function pickWeighted<T>(random: () => number, weighted: ReadonlyArray<readonly [T, number]>): T {
  const total = weighted.reduce((sum, [, w]) => sum + w, 0);
  let r = random() * total;
  for (const [value, weight] of weighted) {
    r -= weight;
    if (r < 0) return value;
  }
  return weighted[weighted.length - 1][0];
}

/** Regional shares of the register (2021: Casablanca-Settat 31.8 %, Rabat-Salé-Kénitra 16 %, Marrakech-Safi 11.6 %). */
export const REGION_SHARES: ReadonlyArray<readonly [string, number]> = [
  ['MA-06', 31.8],
  ['MA-04', 16],
  ['MA-07', 11.6],
  ['MA-01', 10],
  ['MA-03', 9.5],
  ['MA-09', 6.5],
  ['MA-02', 5],
  ['MA-05', 4],
  ['MA-08', 2.5],
  ['MA-11', 1.3],
  ['MA-10', 1.2],
  ['MA-12', 0.6],
];

/**
 * Applications a year, in thousands, read off the statistics timeline of the register (cumulative
 * applications: 65,000 in October 2017, 123,075 in March 2019, 302,577 in June 2020, 615,660 in
 * March 2024). The register opened in September 2015; years after the last figure go on at the
 * last known pace, and the current year only up to today.
 */
const APPLICATIONS_BY_YEAR: Readonly<Record<number, number>> = {
  2015: 8,
  2016: 27,
  2017: 33,
  2018: 45,
  2019: 125,
  2020: 105,
  2021: 70,
  2022: 80,
  2023: 95,
  2024: 75,
  2025: 70,
};
const FIRST_DAY = Date.UTC(2015, 8, 1);
const DAY = 86_400_000;

let sharesOfDay: { day: number; shares: Array<readonly [number, number]> } | null = null;

/** The weight of each year from 2015 to `today`'s, the current one in proportion to the days gone. */
function yearShares(today: Date): Array<readonly [number, number]> {
  if (sharesOfDay?.day === today.getTime()) return sharesOfDay.shares;
  const shares: Array<readonly [number, number]> = [];
  for (let year = 2015; year <= today.getUTCFullYear(); year++) {
    const pace = APPLICATIONS_BY_YEAR[year] ?? APPLICATIONS_BY_YEAR[2025];
    const start = Math.max(Date.UTC(year, 0, 1), FIRST_DAY);
    const elapsed = year === today.getUTCFullYear() ? (today.getTime() - start) / (Date.UTC(year + 1, 0, 1) - start) : 1;
    if (elapsed > 0) shares.push([year, pace * elapsed]);
  }
  sharesOfDay = { day: today.getTime(), shares };
  return shares;
}

export type DemoOutcome = 'SUBMITTED' | 'REGISTERED' | 'REJECTED' | 'STRUCK_OFF';

export interface DemoPerson {
  index: number;
  id: string;
  region: string;
  gender: 'FEMALE' | 'MALE';
  submittedAt: Date;
  /** Where the application stands today. */
  outcome: DemoOutcome;
  /** When it was registered or rejected. */
  decidedAt: Date | null;
  struckOffAt: Date | null;
}

export function demoPersonId(i: number): string {
  return `ae000000-0000-4000-8000-${i.toString(16).padStart(12, '0')}`;
}

/**
 * Person i of the demo register as of `today` (by default now). Outcomes follow the register's
 * statistics: 85 % of applications registered, and strike-offs (a whole calendar year without
 * turnover, so two or three years after registration) reaching about a fifth of all applications
 * by 2024 (118,116 of 615,660); a strike-off still to come is not one yet.
 */
export function demoPerson(i: number, now = new Date()): DemoPerson {
  // By the day, so that every subgraph seeding the same day sees the same people.
  const today = new Date(Math.floor(now.getTime() / DAY) * DAY);
  const random = streamFor(i, 1);
  const region = pickWeighted(random, REGION_SHARES);
  const gender = random() < 0.31 ? 'FEMALE' : 'MALE'; // 31 % women (sources, 2019)
  const year = pickWeighted(random, yearShares(today));
  const start = Math.max(Date.UTC(year, 0, 1), FIRST_DAY);
  const end = Math.min(Date.UTC(year, 11, 31), today.getTime() - 3 * DAY);
  const submittedAt = new Date(start + Math.floor(random() * Math.max(1, (end - start) / DAY)) * DAY + 9 * 3600_000);
  const roll = random();
  const decidedAt = new Date(submittedAt.getTime() + (2 + Math.floor(random() * 20)) * DAY);
  const strikeOff = Date.UTC(decidedAt.getUTCFullYear() + 2 + Math.floor(random() * 2), Math.floor(random() * 12), 15);
  const person = { index: i, id: demoPersonId(i), region, gender, submittedAt } as const;
  if (roll < 0.02 || decidedAt > today) return { ...person, outcome: 'SUBMITTED', decidedAt: null, struckOffAt: null };
  if (roll < 0.15) return { ...person, outcome: 'REJECTED', decidedAt, struckOffAt: null };
  if (roll < 0.45 && strikeOff <= today.getTime()) return { ...person, outcome: 'STRUCK_OFF', decidedAt, struckOffAt: new Date(strikeOff) };
  return { ...person, outcome: 'REGISTERED', decidedAt, struckOffAt: null };
}
