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

/** Applications by year: the register opened in September 2015 and grew every year. */
const YEAR_SHARES: ReadonlyArray<readonly [number, number]> = [
  [2015, 4],
  [2016, 12],
  [2017, 16],
  [2018, 20],
  [2019, 28],
  [2020, 20],
];

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

const DAY = 86_400_000;

export function demoPersonId(i: number): string {
  return `ae000000-0000-4000-8000-${i.toString(16).padStart(12, '0')}`;
}

export function demoPerson(i: number): DemoPerson {
  const random = streamFor(i, 1);
  const region = pickWeighted(random, REGION_SHARES);
  const gender = random() < 0.31 ? 'FEMALE' : 'MALE'; // 31 % women (sources, 2019)
  const year = pickWeighted(random, YEAR_SHARES);
  const start = year === 2015 ? Date.UTC(2015, 8, 1) : Date.UTC(year, 0, 1);
  const end = year === 2020 ? Date.UTC(2020, 5, 30) : Date.UTC(year, 11, 31);
  const submittedAt = new Date(start + Math.floor(random() * ((end - start) / DAY)) * DAY + 9 * 3600_000);
  const roll = random();
  const decidedAt = new Date(submittedAt.getTime() + (2 + Math.floor(random() * 20)) * DAY);
  // 93,000 registered of 107,000 applications (87 %); a few still pending, some struck off since.
  if (roll < 0.02) return { index: i, id: demoPersonId(i), region, gender, submittedAt, outcome: 'SUBMITTED', decidedAt: null, struckOffAt: null };
  if (roll < 0.13) return { index: i, id: demoPersonId(i), region, gender, submittedAt, outcome: 'REJECTED', decidedAt, struckOffAt: null };
  if (roll < 0.19) {
    const struckOffAt = new Date(Date.UTC(decidedAt.getUTCFullYear() + 2, 0, 15));
    return { index: i, id: demoPersonId(i), region, gender, submittedAt, outcome: 'STRUCK_OFF', decidedAt, struckOffAt };
  }
  return { index: i, id: demoPersonId(i), region, gender, submittedAt, outcome: 'REGISTERED', decidedAt, struckOffAt: null };
}
