/** Rules of quarterly turnover declarations and of the strike-off reasons that depend on them. */

export interface Period {
  year: number;
  quarter: number;
}

/** "2019-Q3" -> { year: 2019, quarter: 3 }, or null when malformed. */
export function parsePeriod(value: string): Period | null {
  const match = /^(\d{4})-Q([1-4])$/.exec(value.trim().toUpperCase());
  return match ? { year: Number(match[1]), quarter: Number(match[2]) } : null;
}

export const formatPeriod = (p: Period) => `${p.year}-Q${p.quarter}`;

const index = (p: Period) => p.year * 4 + (p.quarter - 1);

export function quarterOf(date: Date): Period {
  return { year: date.getUTCFullYear(), quarter: Math.floor(date.getUTCMonth() / 3) + 1 };
}

/** A declaration must fall between the quarter of registration and the current quarter. */
export function checkPeriod(period: Period, registeredAt: Date, now: Date): string | null {
  if (index(period) < index(quarterOf(registeredAt))) return `${formatPeriod(period)} is before the registration (${formatPeriod(quarterOf(registeredAt))})`;
  if (index(period) > index(quarterOf(now))) return `${formatPeriod(period)} has not started yet: declare a quarter once it has begun`;
  return null;
}

export const MAX_QUARTER_AMOUNT = 10_000_000;

export function checkAmount(amount: number): string | null {
  if (!Number.isFinite(amount) || amount < 0) return 'The amount must be zero or more (MAD)';
  if (Math.abs(amount * 100 - Math.round(amount * 100)) > 1e-6) return 'The amount has at most two decimals (MAD)';
  if (amount > MAX_QUARTER_AMOUNT) return `The amount exceeds ${MAX_QUARTER_AMOUNT.toLocaleString('en')} MAD for one quarter: check it`;
  return null;
}

/** Years (from the year after registration to the last full year) with no or nil turnover declared. */
export function yearsWithoutTurnover(totals: Map<number, number>, registeredAt: Date, now: Date): number[] {
  const years: number[] = [];
  for (let year = registeredAt.getUTCFullYear() + 1; year < now.getUTCFullYear(); year++) {
    if ((totals.get(year) ?? 0) === 0) years.push(year);
  }
  return years;
}

/** Pairs of consecutive years whose turnover exceeded the ceiling: the second year of each pair. */
export function ceilingExceededTwoYears(totals: Map<number, number>, ceiling: number): number[] {
  return [...totals.keys()].sort().filter((year) => (totals.get(year) ?? 0) > ceiling && (totals.get(year - 1) ?? 0) > ceiling);
}
