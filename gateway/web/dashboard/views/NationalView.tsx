import { useMemo } from 'react';
import { ExportButton } from '../components/ExportButton';
import { Figure } from '../components/Figure';
import { IndicatorHistory } from '../components/IndicatorHistory';
import { RegistryFigures } from '../components/RegistryFigures';
import { ProgrammeForm } from '../forms/ProgrammeForm';
import { Failure, Loading, PartialNotice } from '../components/Notices';
import { Scorecard, StatusBadge, type StatusRow } from '../components/Scorecard';
import { formatNumber, formatShare, placeName, useLabels } from '../i18n';
import { NATIONAL_QUERY } from '../queries';
import type { Session } from '../session';
import { useQuery } from '../useQuery';
import { regionsFigure, type Breakdown, type YearFigures } from './figures';

interface RegionRow {
  code: string;
  name: string;
  nameAr: string;
  isPilot: boolean;
  registrationStats: { applications: number; registered: number; womenShare: number } | null;
}

interface NationalData {
  regions: RegionRow[] | null;
  nationalStats: {
    applications: number;
    registered: number;
    womenShare: number;
    active: number;
    bySegment: Breakdown[];
    byActivityCategory: Breakdown[];
  } | null;
  /** The nation's scorecard ("MA") and the regions'. */
  scorecards: Array<{ scope: string; statuses: StatusRow[] }> | null;
  registrationsByYear: YearFigures[] | null;
}

/** The registration target of a scorecard, if its conventions set one. */
const registrationTarget = (statuses: StatusRow[] | undefined) => statuses?.find((s) => s.indicatorCode === 'AE_REGISTRATIONS' && s.target !== null) ?? null;

export function NationalView({ session, year, go }: { session: Session; year: number; go: (path: string) => void }) {
  const { t, lang } = useLabels();
  const [state, retry] = useQuery<NationalData>(NATIONAL_QUERY, { year }, session.token);
  const byRegion = useMemo(() => {
    const regions = state.kind === 'done' ? state.data.regions : null;
    return regions
      ? regionsFigure(
          regions.map((r) => ({ name: placeName(lang, r), isPilot: r.isPilot, registered: r.registrationStats?.registered ?? null })),
          t,
        )
      : null;
  }, [state, t, lang]);

  if (state.kind === 'loading') return <Loading />;
  if (state.kind === 'failed') return <Failure message={state.message} retry={retry} />;
  const { regions, nationalStats, scorecards } = state.data;
  const scorecardOf = (scope: string) => scorecards?.find((card) => card.scope === scope)?.statuses;
  const nationalScorecard = scorecardOf('MA');
  return (
    <main>
      <PartialNotice errors={state.errors} />
      {nationalStats && (
        <section className="tiles">
          <div className="tile">
            <span>{t('applications')}</span>
            <strong>{formatNumber(lang, nationalStats.applications)}</strong>
          </div>
          <div className="tile">
            <span>{t('registered')}</span>
            <strong data-testid="national-registered">{formatNumber(lang, nationalStats.registered)}</strong>
          </div>
          <div className="tile">
            <span>{t('active')}</span>
            <strong>{formatNumber(lang, nationalStats.active)}</strong>
          </div>
          <div className="tile">
            <span>{t('womenShare')}</span>
            <strong>{formatShare(lang, nationalStats.womenShare)}</strong>
          </div>
        </section>
      )}
      {regions && (
        <section>
          <h2>{t('regions')}</h2>
          <table className="regions" data-testid="regions-table">
            <thead>
              <tr>
                <th>{t('code')}</th>
                <th>{t('name')}</th>
                <th>{t('pilot')}</th>
                <th>{t('applications')}</th>
                <th>{t('registered')}</th>
                <th>{t('womenShare')}</th>
                <th>
                  {t('progress')} ({year})
                </th>
              </tr>
            </thead>
            <tbody>
              {regions.map((region) => {
                const target = registrationTarget(scorecardOf(region.code));
                return (
                  <tr key={region.code} data-region={region.code}>
                    <td>{region.code}</td>
                    <td>
                      <a
                        href={`/dashboard/${region.code}`}
                        onClick={(e) => {
                          e.preventDefault();
                          go(`/dashboard/${region.code}`);
                        }}
                      >
                        {placeName(lang, region)}
                      </a>
                    </td>
                    <td>{region.isPilot ? <span aria-label={t('pilotRegion')}>★</span> : ''}</td>
                    <td className="num">{formatNumber(lang, region.registrationStats?.applications)}</td>
                    <td className="num">{formatNumber(lang, region.registrationStats?.registered)}</td>
                    <td className="num">{formatShare(lang, region.registrationStats?.womenShare)}</td>
                    <td>
                      {target ? (
                        <>
                          {target.progress === null ? '—' : `${formatNumber(lang, target.progress * 100)} %`} <StatusBadge status={target.status} />
                        </>
                      ) : (
                        <span className="muted">{t('noTarget')}</span>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </section>
      )}
      {byRegion && (
        <section className="charts">
          <Figure spec={byRegion} />
        </section>
      )}
      <RegistryFigures years={state.data.registrationsByYear} bySegment={nationalStats?.bySegment} byCategory={nationalStats?.byActivityCategory} />
      {nationalScorecard && (
        <section>
          <h2>
            {t('scorecard')} — {year}
          </h2>
          <Scorecard rows={nationalScorecard} />
          <ExportButton list="scorecards" params={{ year }} token={session.token} />
          <IndicatorHistory scope="MA" year={year} statuses={nationalScorecard} token={session.token} />
        </section>
      )}
      {session.role === 'NATIONAL' && regions && (
        <section className="entries">
          <h2>{t('record')}</h2>
          <ProgrammeForm regions={regions} token={session.token} onSaved={retry} />
        </section>
      )}
    </main>
  );
}
