import { scopeArg } from '@moukawil/kit/domain';
import { periodsArg, yearArg } from '@moukawil/kit/subgraph';
import { IndicatorSource } from '../entities/enums';
import type { IndicatorStatus } from '../entities/IndicatorStatus';
import type { Scorecard, ScorecardStatus } from '../entities/Scorecard';
import { NATIONAL, type Context, type Reference } from '../loaders';
import { actualOf, type Figures } from '../rules/actuals';
import { averageRating, progressOf, statusOf, targetFor } from '../rules/scorecard';

type Period = { indicatorCode: string; scope: string; fromYear: number; toYear: number };

/**
 * The statuses of a scope's scorecard for a year: one per indicator of the catalogue, over the
 * period of the target covering that year (the year itself when there is none).
 */
function statusesFrom(reference: Reference, scope: string, year: number): IndicatorStatus[] {
  const targets = reference.targets.filter((t) => (t.regionCode ?? NATIONAL) === scope);
  return reference.inUse.map((indicator) => {
    const target = targetFor(
      targets.filter((t) => t.indicatorCode === indicator.code),
      year,
    );
    return {
      indicatorCode: indicator.code,
      scope,
      fromYear: target?.fromYear ?? year,
      toYear: target?.toYear ?? year,
      target: target?.value ?? null,
      targetSource: target?.source ?? null,
    };
  });
}

/** The actual of a status: live figures for quantitative indicators, the mean rating for qualitative ones. */
function actualFrom(reference: Reference, status: Period, figures: Figures): number | null {
  const source = reference.byCode.get(status.indicatorCode)?.source ?? null;
  if (source === IndicatorSource.ASSESSMENTS) {
    const assessments = reference.assessments.filter((a) => a.indicatorCode === status.indicatorCode);
    return averageRating(assessments, status.scope === NATIONAL ? null : status.scope, status.fromYear, status.toYear);
  }
  return actualOf(source, figures);
}

export async function scorecard(scope: string, year: number, { loaders }: Context): Promise<IndicatorStatus[]> {
  return statusesFrom(await loaders.reference(), scope, year);
}

/** An IndicatorStatus reached by its key (the `_entities` path, carrying the required figures). */
export async function statusFromKey(key: IndicatorStatus, { loaders }: Context): Promise<IndicatorStatus> {
  const targets = await loaders.targetsOfScope.load(key.scope);
  const target = targets.find((t) => t.indicatorCode === key.indicatorCode && t.fromYear === key.fromYear && t.toYear === key.toYear);
  return { ...key, target: target?.value ?? null, targetSource: target?.source ?? null };
}

export async function liveActual(status: Period & Figures, { loaders }: Context): Promise<number | null> {
  return actualFrom(await loaders.reference(), status, status);
}

/** A scorecard's key: the scope, the year, and the distinct periods its statuses measure. */
export async function scorecardOf(scope: string, year: number, context: Context): Promise<Scorecard> {
  const periods = new Set((await scorecard(scope, year, context)).map((s) => `${s.fromYear}-${s.toYear}`));
  return { scope, year, periods: [...periods].sort().join(' ') };
}

/**
 * The statuses of a scorecard, computed from the figures of each period that the owning subgraphs
 * handed over. Objects are written out field by field: V8 builds `{ ...status, more }` on a slow
 * path (about a microsecond each, measured), and a national dashboard makes 273 of these.
 */
export async function statusesOf(card: Scorecard, { loaders }: Context): Promise<ScorecardStatus[]> {
  const reference = await loaders.reference();
  const ofPeriod = <F extends { fromYear: number; toYear: number }>(all: F[] | null | undefined, s: Period) =>
    all?.find((f) => f.fromYear === s.fromYear && f.toYear === s.toYear) ?? null;
  const now = new Date();
  const region = card.scope === NATIONAL ? null : { code: card.scope };
  return statusesFrom(reference, card.scope, card.year).map((s) => {
    const figures = { registryFigures: ofPeriod(card.registryFigures, s), programmeFigures: ofPeriod(card.programmeFigures, s) };
    const actual = actualFrom(reference, s, figures);
    const indicator = reference.byCode.get(s.indicatorCode)!;
    return {
      indicatorCode: s.indicatorCode,
      scope: s.scope,
      fromYear: s.fromYear,
      toYear: s.toYear,
      target: s.target,
      targetSource: s.targetSource,
      indicator,
      region,
      actual,
      progress: progressOf(actual, s.target),
      status: statusOf({ target: s.target, actual, fromYear: s.fromYear, toYear: s.toYear, direction: indicator.direction }, now),
    };
  });
}

/** A Scorecard reached by its key (the `_entities` path), carrying the figures its statuses require; the key is checked. */
export async function scorecardReference(reference: Scorecard): Promise<Scorecard> {
  scopeArg(reference.scope, 'scope');
  yearArg(reference.year);
  periodsArg(reference.periods);
  return reference;
}
