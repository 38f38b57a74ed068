import { useMemo, useState } from 'react';
import { useLabels } from '../i18n';
import { NATIONAL_HISTORY_QUERY, REGION_HISTORY_QUERY } from '../queries';
import { useQuery } from '../useQuery';
import { historyFigure, type HistoryPoint } from '../views/figures';
import { Figure } from './Figure';
import { PartialNotice } from './Notices';
import { indicatorName, type StatusRow } from './Scorecard';

interface HistoryCard {
  statuses: Array<{ indicatorCode: string; fromYear: number; toYear: number; history: HistoryPoint[] }>;
}
interface HistoryData {
  nationalScorecardFor?: HistoryCard | null;
  region?: { scorecardFor: HistoryCard | null } | null;
}

/** One indicator of a scorecard at a time (chosen in a list): its daily snapshots against its target. */
export function IndicatorHistory({ scope, year, statuses, token }: { scope: string; year: number; statuses: StatusRow[]; token: string | null }) {
  const { t, lang } = useLabels();
  const options = statuses.filter((s) => s.target !== null);
  const [chosen, setChosen] = useState(options[0]?.indicatorCode ?? statuses[0]?.indicatorCode);
  const national = scope === 'MA';
  const [state] = useQuery<HistoryData>(national ? NATIONAL_HISTORY_QUERY : REGION_HISTORY_QUERY, national ? { year } : { code: scope, year }, token);
  const row = statuses.find((s) => s.indicatorCode === chosen);
  const name = (s: StatusRow) => indicatorName(lang, s);
  const points = useMemo(() => {
    if (state.kind !== 'done') return null;
    const card = state.data.nationalScorecardFor ?? state.data.region?.scorecardFor;
    const statusOf = card?.statuses.find((s) => s.indicatorCode === chosen && s.fromYear === row?.fromYear && s.toYear === row?.toYear);
    return statusOf?.history ?? null;
  }, [state, chosen, row]);
  const spec = useMemo(() => (row && points && points.length > 0 ? historyFigure(name(row), points, t) : null), [row, points, t, lang]);
  if (!chosen) return null;
  return (
    <section className="history" data-testid="indicator-history">
      <label>
        {t('indicator')}{' '}
        <select value={chosen} onChange={(e) => setChosen(e.target.value)}>
          {(options.length ? options : statuses).map((s) => (
            <option key={`${s.indicatorCode}-${s.fromYear}`} value={s.indicatorCode}>
              {name(s)}
            </option>
          ))}
        </select>
      </label>
      {state.kind === 'done' && <PartialNotice errors={state.errors} />}
      {spec ? <Figure spec={spec} /> : state.kind === 'done' && <p className="muted">{t('historyEmpty')}</p>}
    </section>
  );
}
