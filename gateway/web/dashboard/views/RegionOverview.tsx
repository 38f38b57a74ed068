import { Link } from 'wouter';
import { Failure, Loading, PartialNotice } from '../components/Notices';
import { StatusBadge, indicatorName, type StatusRow } from '../components/Scorecard';
import { ScopeTitle } from '../components/ScopeTitle';
import { Tile } from '../components/Tile';
import { formatNumber, formatShare, placeName, useLabels } from '../i18n';
import { REGION_OVERVIEW_QUERY } from '../queries';
import { homeRegion, type Session } from '../session';
import { useQuery } from '../useQuery';
import { pathOf } from '../app/routes';

interface RegionOverviewData {
  region: {
    code: string;
    name: string;
    nameAr: string;
    isPilot: boolean;
    capital: string;
    population: number;
    provinces: Array<{ code: string; name: string; nameAr: string; kind: 'PREFECTURE' | 'PROVINCE' }> | null;
    registrationStats: { applications: number; registered: number; active: number; womenShare: number } | null;
    scorecardFor: { statuses: StatusRow[] } | null;
    events: Array<{ id: string }> | null;
    advisors: Array<{ id: string; active: boolean }> | null;
  } | null;
}

/** A region at a glance, on one screen: its figures, where each indicator stands this year, its provinces; every detail one click away. */
export function RegionOverview({ code, session, year }: { code: string; session: Session; year: number }) {
  const { t, lang } = useLabels();
  const [state, retry] = useQuery<RegionOverviewData>(REGION_OVERVIEW_QUERY, { code, year }, session.token);
  if (state.kind === 'loading') return <Loading />;
  if (state.kind === 'failed') return <Failure message={state.message} retry={retry} />;
  const { region } = state.data;
  const home = homeRegion(session);
  if (!region)
    return (
      <main>
        <PartialNotice errors={state.errors} />
        <p className="notice error">
          {t('notFound')} : {code}
        </p>
      </main>
    );
  const statuses = [...(region.scorecardFor?.statuses ?? [])].sort((a, b) => Number(b.target !== null) - Number(a.target !== null));
  return (
    <main className="overview" data-region={region.code}>
      <ScopeTitle view={t('views.overview')} region={region} />
      {home && home !== code && (
        <p className="notice partial">
          {t('otherRegion')} {home}.
        </p>
      )}
      <PartialNotice errors={state.errors} />
      <section className="tiles">
        <Tile label={t('capital')} value={region.capital} />
        <Tile label={t('population')} value={formatNumber(lang, region.population)} />
        <Tile label={t('registered')} testid="region-registered" value={formatNumber(lang, region.registrationStats?.registered)} />
        <Tile label={t('womenShare')} value={formatShare(lang, region.registrationStats?.womenShare)} />
        <Tile href={pathOf(code, 'events')} label={t('eventsCount')} value={region.events ? formatNumber(lang, region.events.length) : '—'} />
        <Tile
          href={pathOf(code, 'programmes')}
          label={t('advisorsActive')}
          value={region.advisors ? formatNumber(lang, region.advisors.filter((a) => a.active).length) : '—'}
        />
      </section>
      {region.scorecardFor && (
        <section>
          <h3>
            <Link href={pathOf(code, 'indicators')}>
              {t('scorecard')} — {year}
            </Link>
          </h3>
          <ul className="standing" data-testid="standing">
            {statuses.map((row) => (
              <li key={`${row.indicatorCode}-${row.fromYear}-${row.toYear}`} data-indicator={row.indicatorCode}>
                <span>{indicatorName(lang, row)}</span>
                <span className="num">{row.progress === null ? '' : `${formatNumber(lang, row.progress * 100)} %`}</span>
                <StatusBadge status={row.status} />
              </li>
            ))}
          </ul>
        </section>
      )}
      {region.provinces && (
        <section>
          <h3>{t('provinces')}</h3>
          <ul className="provinces" data-testid="provinces">
            {region.provinces.map((p) => (
              <li key={p.code}>
                {placeName(lang, p)} <span className="muted">({t(p.kind === 'PREFECTURE' ? 'prefecture' : 'province')})</span>
              </li>
            ))}
          </ul>
        </section>
      )}
    </main>
  );
}
