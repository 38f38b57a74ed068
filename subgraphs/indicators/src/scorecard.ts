import type { IndicatorStatus } from './entities/IndicatorStatus';
import type { Context } from './loaders';
import { targetFor } from './rules/scorecard';

/**
 * The scorecard of a scope for a year: one status per indicator of the catalogue, over the
 * period of the target covering that year (the year itself when there is none).
 */
export async function scorecard(scope: string, year: number, { loaders }: Context): Promise<IndicatorStatus[]> {
  const [indicators, targets] = await Promise.all([loaders.catalogue.load('all'), loaders.targetsOfScope.load(scope)]);
  return indicators.map((indicator) => {
    const target = targetFor(targets.filter((t) => t.indicatorCode === indicator.code), year);
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

/** An IndicatorStatus reached by its key (the `_entities` path, carrying the required figures). */
export async function statusFromKey(key: IndicatorStatus, { loaders }: Context): Promise<IndicatorStatus> {
  const targets = await loaders.targetsOfScope.load(key.scope);
  const target = targets.find((t) => t.indicatorCode === key.indicatorCode && t.fromYear === key.fromYear && t.toYear === key.toYear);
  return { ...key, target: target?.value ?? null, targetSource: target?.source ?? null };
}
