import { useMemo } from 'react';
import { ExportButton } from '../components/ExportButton';
import { Figure } from '../components/Figure';
import { IndicatorHistory } from '../components/IndicatorHistory';
import { Failure, Loading, PartialNotice } from '../components/Notices';
import { Scorecard, type StatusRow } from '../components/Scorecard';
import { ScopeTitle } from '../components/ScopeTitle';
import { TargetForm } from '../forms/TargetForm';
import { useLabels } from '../i18n';
import { NATIONAL_INDICATORS_QUERY, REGION_INDICATORS_QUERY } from '../queries';
import { canManage, type Session } from '../session';
import { useQuery } from '../useQuery';
import { NATION } from '../app/routes';
import { commitmentsFigure } from './figures';

interface IndicatorsData {
  nationalScorecardFor?: { statuses: StatusRow[] } | null;
  region?: {
    code: string;
    name: string;
    nameAr: string;
    isPilot: boolean;
    scorecardFor: { statuses: StatusRow[] } | null;
    conventions: Array<{
      code: string;
      title: string;
      commitments: Array<{ code: string; label: string; target: { value: number; status: { actual: number | null; progress: number | null } } | null }>;
    }> | null;
  } | null;
}

/** Indicators and targets of a scope for the year: the scorecard, each indicator's daily history, the conventions' commitments, and the form its council (or the national office) sets and revises targets with. */
export function IndicatorsView({ scope, session, year }: { scope: string; session: Session; year: number }) {
  const { t } = useLabels();
  const national = scope === NATION;
  const [state, retry] = useQuery<IndicatorsData>(
    national ? NATIONAL_INDICATORS_QUERY : REGION_INDICATORS_QUERY,
    national ? { year } : { code: scope, year },
    session.token,
  );
  const commitments = useMemo(() => {
    const conventions = state.kind === 'done' ? state.data.region?.conventions : null;
    const rows = (conventions ?? []).flatMap((c) =>
      c.commitments.map((m) => ({
        convention: c.title,
        label: m.label,
        target: m.target?.value ?? 0,
        actual: m.target?.status.actual ?? null,
        progress: m.target?.status.progress ?? null,
      })),
    );
    return rows.length > 0 ? commitmentsFigure(rows, t) : null;
  }, [state, t]);
  if (state.kind === 'loading') return <Loading />;
  if (state.kind === 'failed') return <Failure message={state.message} retry={retry} />;
  const { region } = state.data;
  const scorecard = national ? state.data.nationalScorecardFor : region?.scorecardFor;
  const manages = national ? session.role === 'NATIONAL' : canManage(session, scope);
  return (
    <main>
      <ScopeTitle view={`${t('views.indicators')} (${year})`} region={region} />
      <PartialNotice errors={state.errors} />
      {scorecard && (
        <section>
          <Scorecard rows={scorecard.statuses} />
          <ExportButton list="scorecards" params={{ year }} token={session.token} />
        </section>
      )}
      {scorecard && manages && (
        <section className="entries">
          <TargetForm region={scope} year={year} statuses={scorecard.statuses} token={session.token} onSaved={retry} />
        </section>
      )}
      {commitments && (
        <section className="charts">
          <Figure spec={commitments} />
        </section>
      )}
      {scorecard && <IndicatorHistory scope={scope} year={year} statuses={scorecard.statuses} token={session.token} />}
    </main>
  );
}
