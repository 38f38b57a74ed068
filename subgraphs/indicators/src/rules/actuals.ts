import type { RegistryFigures } from '../entities/IndicatorStatus';

/**
 * How each indicator's actual value is computed from the figures other subgraphs provide.
 * An indicator missing here has no live source yet: its actual is null (never 0).
 */
const FROM_REGISTRY: Record<string, (f: RegistryFigures) => number | null> = {
  AE_APPLICATIONS: (f) => f.applications,
  AE_REGISTRATIONS: (f) => f.registered,
  AE_REGISTERED_TO_DATE: (f) => f.registeredToDate,
  AE_ACTIVE: (f) => f.active,
  REGISTRATION_RATE: (f) => (f.applications === 0 ? null : f.registered / f.applications),
  WOMEN_SHARE: (f) => (f.registered === 0 ? null : f.women / f.registered),
  TURNOVER: (f) => f.turnover,
  TAX_CONTRIBUTION: (f) => f.taxContribution,
};

export function hasLiveSource(indicatorCode: string): boolean {
  return indicatorCode in FROM_REGISTRY;
}

/** The actual value, or null when unknown (no source yet, or the owning subgraph did not answer). */
export function actualOf(indicatorCode: string, registry: RegistryFigures | null | undefined): number | null {
  const compute = FROM_REGISTRY[indicatorCode];
  if (!compute || !registry) return null;
  return compute(registry);
}
