import { Direction, StatusCode as S, Trend } from '../entities/enums';

export interface PeriodTarget {
  fromYear: number;
  toYear: number;
  value: number;
}

/** Among the targets covering `year`, the one due first (e.g. 500 by end 2019 before 1,500 by 2020). */
export function targetFor<T extends PeriodTarget>(targets: T[], year: number): T | null {
  const covering = targets.filter((t) => t.fromYear <= year && year <= t.toYear);
  covering.sort((a, b) => a.toYear - b.toYear || a.fromYear - b.fromYear);
  return covering[0] ?? null;
}

/** Share of the period [fromYear, toYear] elapsed at `now`, 0..1. */
export function elapsed(fromYear: number, toYear: number, now: Date): number {
  const start = Date.UTC(fromYear, 0, 1);
  const end = Date.UTC(toYear + 1, 0, 1);
  return Math.min(1, Math.max(0, (now.getTime() - start) / (end - start)));
}

export function progressOf(actual: number | null, target: number | null): number | null {
  if (actual === null || target === null || target === 0) return null;
  return actual / target;
}

/**
 * ACHIEVED when the target is met; MISSED when its period is over and it is not;
 * otherwise ON_TRACK when progress keeps up with 90 % of the time elapsed, else AT_RISK.
 */
export function statusOf(input: { target: number | null; actual: number | null; fromYear: number; toYear: number; direction: Direction }, now: Date): S {
  const { target, actual } = input;
  if (target === null) return S.NO_TARGET;
  if (actual === null) return S.NO_DATA;
  const lowerIsBetter = input.direction === Direction.LOWER_IS_BETTER;
  if (lowerIsBetter ? actual <= target : actual >= target) return S.ACHIEVED;
  const time = elapsed(input.fromYear, input.toYear, now);
  if (time >= 1) return S.MISSED;
  if (lowerIsBetter) return S.ON_TRACK;
  return actual / target >= 0.9 * time ? S.ON_TRACK : S.AT_RISK;
}

/** Mean rating of the assessments of a region (or of all regions when null) over [fromYear, toYear]; null without any. */
export function averageRating(
  assessments: Array<{ regionCode: string; year: number; rating: number }>,
  region: string | null,
  fromYear: number,
  toYear: number,
): number | null {
  const ratings = assessments.filter((a) => (region === null || a.regionCode === region) && a.year >= fromYear && a.year <= toYear).map((a) => a.rating);
  return ratings.length ? ratings.reduce((s, r) => s + r, 0) / ratings.length : null;
}

export function trendOf(previous: number | null, current: number | null): Trend {
  if (previous === null || current === null) return Trend.UNKNOWN;
  if (current > previous) return Trend.UP;
  if (current < previous) return Trend.DOWN;
  return Trend.FLAT;
}
