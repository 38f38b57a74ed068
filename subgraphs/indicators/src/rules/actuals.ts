import { IndicatorSource as S } from '../entities/enums';
import type { ProgrammeFigures, RegistryFigures } from '../entities/IndicatorStatus';

/** How each declared source gives an actual value from the figures the owning subgraph provides. */
const FROM_REGISTRY: Partial<Record<S, (f: RegistryFigures) => number | null>> = {
  [S.APPLICATIONS]: (f) => f.applications,
  [S.REGISTRATIONS]: (f) => f.registered,
  [S.REGISTERED_TO_DATE]: (f) => f.registeredToDate,
  [S.ACTIVE]: (f) => f.active,
  [S.REGISTRATION_RATE]: (f) => (f.applications === 0 ? null : f.registered / f.applications),
  [S.WOMEN_SHARE]: (f) => (f.registered === 0 ? null : f.women / f.registered),
  [S.TURNOVER]: (f) => f.turnover,
  [S.TAX_CONTRIBUTION]: (f) => f.taxContribution,
};

const FROM_PROGRAMS: Partial<Record<S, (f: ProgrammeFigures) => number>> = {
  [S.HONOUR_LOAN_BENEFICIARIES]: (f) => f.honourLoanBeneficiaries,
  [S.HONOUR_LOAN_AMOUNT]: (f) => f.honourLoanAmount,
  [S.DIGITAL_INCLUSION_BENEFICIARIES]: (f) => f.digitalInclusionBeneficiaries,
  [S.TPME_PROMOTION_BENEFICIARIES]: (f) => f.tpmePromotionBeneficiaries,
  [S.PROJECT_HOLDER_BENEFICIARIES]: (f) => f.projectHolderBeneficiaries,
  [S.POST_CREATION_BENEFICIARIES]: (f) => f.postCreationBeneficiaries,
  [S.ADVISORS_TRAINED]: (f) => f.advisorsTrained,
  [S.AWARENESS_EVENTS]: (f) => f.awarenessEvents,
  [S.WORKSHOPS]: (f) => f.workshops,
  [S.COUNCILS_ENGAGED]: (f) => f.councilsEngaged,
};

export interface Figures {
  registryFigures?: RegistryFigures | null;
  programmeFigures?: ProgrammeFigures | null;
}

/**
 * The actual value from a quantitative source, or null when unknown: no source, or the owning
 * subgraph did not answer (its figures then arrive as null, never as 0).
 */
export function actualOf(source: S | null, figures: Figures): number | null {
  const fromRegistry = source && FROM_REGISTRY[source];
  if (fromRegistry) return figures.registryFigures ? fromRegistry(figures.registryFigures) : null;
  const fromPrograms = source && FROM_PROGRAMS[source];
  if (fromPrograms) return figures.programmeFigures ? fromPrograms(figures.programmeFigures) : null;
  return null;
}

/** Where a source's figure is read in the graph, in words (Indicator.actualSource). */
export function describeSource(source: S): string {
  if (source === S.ASSESSMENTS) return 'indicators: mean rating of the assessments (recordAssessment)';
  return FROM_REGISTRY[source] ? `registry: ${source} of the registration figures` : `programs: ${source} of the programme figures`;
}
