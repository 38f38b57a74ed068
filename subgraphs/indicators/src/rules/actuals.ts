import type { ProgrammeFigures, RegistryFigures } from '../entities/IndicatorStatus';

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

const FROM_PROGRAMS: Record<string, (f: ProgrammeFigures) => number> = {
  BENEFICIARIES_HONOUR_LOAN: (f) => f.honourLoanBeneficiaries,
  HONOUR_LOAN_AMOUNT: (f) => f.honourLoanAmount,
  BENEFICIARIES_DIGITAL_INCLUSION: (f) => f.digitalInclusionBeneficiaries,
  BENEFICIARIES_TPME_PROMOTION: (f) => f.tpmePromotionBeneficiaries,
  BENEFICIARIES_PROJECT_HOLDER_SUPPORT: (f) => f.projectHolderBeneficiaries,
  BENEFICIARIES_POST_CREATION_SUPPORT: (f) => f.postCreationBeneficiaries,
  ADVISORS_TRAINED: (f) => f.advisorsTrained,
  AWARENESS_EVENTS: (f) => f.awarenessEvents,
  WORKSHOPS: (f) => f.workshops,
  REGIONAL_COUNCILS_ENGAGED: (f) => f.councilsEngaged,
};

export interface Figures {
  registryFigures?: RegistryFigures | null;
  programmeFigures?: ProgrammeFigures | null;
}

/**
 * The actual value of a quantitative indicator, or null when unknown: no live source, or the
 * owning subgraph did not answer (its figures then arrive as null, never as 0).
 */
export function actualOf(indicatorCode: string, figures: Figures): number | null {
  const fromRegistry = FROM_REGISTRY[indicatorCode];
  if (fromRegistry) return figures.registryFigures ? fromRegistry(figures.registryFigures) : null;
  const fromPrograms = FROM_PROGRAMS[indicatorCode];
  if (fromPrograms) return figures.programmeFigures ? fromPrograms(figures.programmeFigures) : null;
  return null;
}
