import { Link } from 'wouter';
import { Failure, Loading, PartialNotice } from '../components/Notices';
import { StatusBadge, type StatusRow } from '../components/Scorecard';
import { ScopeTitle } from '../components/ScopeTitle';
import { Tile } from '../components/Tile';
import { Table } from '../components/Table';
import { formatNumber, formatShare, placeName, useLabels } from '../i18n';
import { NATIONAL_OVERVIEW_QUERY } from '../queries';
import type { Session } from '../session';
import { useQuery } from '../useQuery';
import { pathOf } from '../app/routes';

interface RegionRow {
  code: string;
  name: string;
  nameAr: string;
  isPilot: boolean;
  registrationStats: { applications: number; registered: number; womenShare: number } | null;
}

interface NationalOverviewData {
  regions: RegionRow[] | null;
  nationalStats: { applications: number; registered: number; womenShare: number; active: number } | null;
  /** The nation's scorecard ("MA") and the regions'. */
  scorecards: Array<{ scope: string; statuses: StatusRow[] }> | null;
}

/** The registration target of a scorecard, if one is set. */
const registrationTarget = (statuses: StatusRow[] | undefined) => statuses?.find((s) => s.indicatorCode === 'AE_REGISTRATIONS' && s.target !== null) ?? null;

/** The nation at a glance, on one screen: its figures and the 12 regions with their progress; a region is one click away. */
export function NationalOverview({ session, year }: { session: Session; year: number }) {
  const { t, lang } = useLabels();
  const [state, retry] = useQuery<NationalOverviewData>(NATIONAL_OVERVIEW_QUERY, { year }, session.token);
  if (state.kind === 'loading') return <Loading />;
  if (state.kind === 'failed') return <Failure message={state.message} retry={retry} />;
  const { regions, nationalStats, scorecards } = state.data;
  const scorecardOf = (scope: string) => scorecards?.find((card) => card.scope === scope)?.statuses;
  const national = registrationTarget(scorecardOf('MA'));
  return (
    <main className="overview">
      <ScopeTitle view={t('views.overview')} />
      <PartialNotice errors={state.errors} />
      {nationalStats && (
        <section className="tiles">
          <Tile label={t('applications')} value={formatNumber(lang, nationalStats.applications)} />
          <Tile label={t('registered')} testid="national-registered" value={formatNumber(lang, nationalStats.registered)} />
          <Tile label={t('active')} value={formatNumber(lang, nationalStats.active)} />
          <Tile label={t('womenShare')} value={formatShare(lang, nationalStats.womenShare)} />
          {national && (
            <Link className="tile" href={pathOf('MA', 'indicators')}>
              <span>
                {t('progress')} ({year})
              </span>
              <strong>{national.progress === null ? '—' : `${formatNumber(lang, national.progress * 100)} %`}</strong> <StatusBadge status={national.status} />
            </Link>
          )}
        </section>
      )}
      {regions && (
        <section>
          <h3>{t('regions')}</h3>
          <Table
            testid="regions-table"
            className="regions"
            columns={[t('code'), t('name'), t('pilot'), t('applications'), t('registered'), t('womenShare'), `${t('progress')} (${year})`]}
          >
            {regions.map((region) => {
              const target = registrationTarget(scorecardOf(region.code));
              return (
                <tr key={region.code} data-region={region.code}>
                  <td>{region.code}</td>
                  <td>
                    <Link href={pathOf(region.code)}>{placeName(lang, region)}</Link>
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
          </Table>
        </section>
      )}
    </main>
  );
}
