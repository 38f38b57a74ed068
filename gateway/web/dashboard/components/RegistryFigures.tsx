import { useMemo } from 'react';
import { useLabels } from '../i18n';
import { breakdownFigure, registrationsFigure, turnoverFigure, womenFigure, type Breakdown, type YearFigures } from '../views/figures';
import { Figure } from './Figure';

/** The register's pictures of a scope (the nation or a region): its years, and its breakdowns of the target year's period. */
export function RegistryFigures({ years, bySegment, byCategory }: { years: YearFigures[] | null; bySegment?: Breakdown[]; byCategory?: Breakdown[] }) {
  const { t } = useLabels();
  const specs = useMemo(
    () => [
      ...(years ? [registrationsFigure(years, t), womenFigure(years, t), turnoverFigure(years, t)] : []),
      ...(bySegment ? [breakdownFigure('segments', bySegment, t)] : []),
      ...(byCategory ? [breakdownFigure('categories', byCategory, t)] : []),
    ],
    [years, bySegment, byCategory, t],
  );
  return (
    <section className="charts">
      {specs.map((spec) => (
        <Figure key={spec.id} spec={spec} />
      ))}
    </section>
  );
}
