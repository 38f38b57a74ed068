import { useMemo } from 'react';
import { ExportButton } from '../components/ExportButton';
import { Figure } from '../components/Figure';
import { IndicatorHistory } from '../components/IndicatorHistory';
import { RegistryFigures } from '../components/RegistryFigures';
import { EventForm } from '../forms/EventForm';
import { TargetForm } from '../forms/TargetForm';
import { WorkshopForm } from '../forms/WorkshopForm';
import { Failure, Loading, PartialNotice } from '../components/Notices';
import { Scorecard, type StatusRow } from '../components/Scorecard';
import { formatNumber, formatShare, placeName, useLabels } from '../i18n';
import { REGION_QUERY } from '../queries';
import { canManage, canReadPeople, homeRegion, type Session } from '../session';
import { useQuery } from '../useQuery';
import { beneficiariesFigure, commitmentsFigure, type Breakdown, type YearFigures } from './figures';

interface RegionData {
  region: {
    code: string;
    name: string;
    nameAr: string;
    capital: string;
    population: number;
    isPilot: boolean;
    provinces: Array<{ code: string; name: string; nameAr: string; kind: 'PREFECTURE' | 'PROVINCE' }> | null;
    registrationStats: {
      applications: number;
      registered: number;
      active: number;
      womenShare: number;
      bySegment: Breakdown[];
      byActivityCategory: Breakdown[];
    } | null;
    registrationsByYear: YearFigures[] | null;
    scorecardFor: { statuses: StatusRow[] } | null;
    programmeStats: Array<{
      programme: { code: string; name: string; kind: string };
      beneficiaries: number;
      women: number;
      womenShare: number;
      amountLent: number;
    }> | null;
    conventions: Array<{
      code: string;
      title: string;
      commitments: Array<{ code: string; label: string; target: { value: number; status: { actual: number | null; progress: number | null } } | null }>;
    }> | null;
    events: Array<{ id: string; kind: string; title: string; heldOn: string; attendance: number }> | null;
    advisors: Array<{ id: string; active: boolean; trainedOn: string | null; fullName?: string }> | null;
  } | null;
  autoEntrepreneurs?: {
    totalCount: number;
    edges: Array<{ node: { id: string; fullName: string; nationalId: string; status: string; registeredAt: string | null; activity: { label: string } } }>;
  } | null;
}

export function RegionView({ code, session, year, go }: { code: string; session: Session; year: number; go: (path: string) => void }) {
  const { t, lang } = useLabels();
  const people = canReadPeople(session, code);
  const [state, retry] = useQuery<RegionData>(REGION_QUERY, { code, year, people }, session.token);
  const beneficiaries = useMemo(() => {
    const stats = state.kind === 'done' ? state.data.region?.programmeStats : null;
    return stats ? beneficiariesFigure(stats, t) : null;
  }, [state, t]);
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
  const { region, autoEntrepreneurs } = state.data;
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
  const events = region.events ?? [];
  return (
    <main data-region={region.code}>
      {!home && (
        <a
          href="/dashboard"
          className="back"
          onClick={(e) => {
            e.preventDefault();
            go('/dashboard');
          }}
        >
          {t('back')}
        </a>
      )}
      {home && home !== code && (
        <p className="notice partial">
          {t('otherRegion')} {home}.
        </p>
      )}
      <h2>
        {placeName(lang, region)}{' '}
        <small>
          ({region.code}
          {region.isPilot ? ` · ★ ${t('pilotRegion')}` : ''})
        </small>
      </h2>
      <PartialNotice errors={state.errors} />
      <section className="tiles">
        <div className="tile">
          <span>{t('capital')}</span>
          <strong>{region.capital}</strong>
        </div>
        <div className="tile">
          <span>{t('population')}</span>
          <strong>{formatNumber(lang, region.population)}</strong>
        </div>
        <div className="tile">
          <span>{t('registered')}</span>
          <strong data-testid="region-registered">{formatNumber(lang, region.registrationStats?.registered)}</strong>
        </div>
        <div className="tile">
          <span>{t('womenShare')}</span>
          <strong>{formatShare(lang, region.registrationStats?.womenShare)}</strong>
        </div>
        <div className="tile">
          <span>{t('eventsCount')}</span>
          <strong>{region.events ? formatNumber(lang, events.length) : '—'}</strong>
        </div>
        <div className="tile">
          <span>{t('advisorsActive')}</span>
          <strong>{region.advisors ? formatNumber(lang, region.advisors.filter((a) => a.active).length) : '—'}</strong>
        </div>
      </section>
      {region.provinces && (
        <section>
          <h2>{t('provinces')}</h2>
          <ul className="provinces" data-testid="provinces">
            {region.provinces.map((p) => (
              <li key={p.code}>
                {placeName(lang, p)} <span className="muted">({t(p.kind === 'PREFECTURE' ? 'prefecture' : 'province')})</span>
              </li>
            ))}
          </ul>
        </section>
      )}
      {region.scorecardFor && (
        <section>
          <h2>
            {t('scorecard')} — {year}
          </h2>
          <Scorecard rows={region.scorecardFor.statuses} />
          <IndicatorHistory scope={region.code} year={year} statuses={region.scorecardFor.statuses} token={session.token} />
        </section>
      )}
      <RegistryFigures
        years={region.registrationsByYear}
        bySegment={region.registrationStats?.bySegment}
        byCategory={region.registrationStats?.byActivityCategory}
      />
      <section className="charts">
        {beneficiaries && <Figure spec={beneficiaries} />}
        {commitments && <Figure spec={commitments} />}
      </section>
      {region.programmeStats && (
        <section>
          <h2>{t('programmes')}</h2>
          <table data-testid="programmes">
            <thead>
              <tr>
                <th>{t('programme')}</th>
                <th>{t('beneficiaries')}</th>
                <th>{t('womenShare')}</th>
                <th>{t('amountLent')}</th>
              </tr>
            </thead>
            <tbody>
              {region.programmeStats.map((s) => (
                <tr key={s.programme.code}>
                  <td>{s.programme.name}</td>
                  <td className="num">{formatNumber(lang, s.beneficiaries)}</td>
                  <td className="num">{formatShare(lang, s.womenShare)}</td>
                  <td className="num">{formatNumber(lang, s.amountLent)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
      {region.events && (
        <section>
          <h2>{t('events')}</h2>
          <table>
            <thead>
              <tr>
                <th>{t('date')}</th>
                <th>{t('name')}</th>
                <th>{t('attendance')}</th>
              </tr>
            </thead>
            <tbody>
              {events
                .slice(-10)
                .reverse()
                .map((e) => (
                  <tr key={e.id}>
                    <td>{e.heldOn}</td>
                    <td>{e.title}</td>
                    <td className="num">{e.attendance}</td>
                  </tr>
                ))}
            </tbody>
          </table>
        </section>
      )}
      {region.advisors && people && (
        <section>
          <h2>{t('advisors')}</h2>
          <ul className="advisors">
            {region.advisors.slice(0, 12).map((a) => (
              <li key={a.id}>
                {a.fullName} <span className="muted">{a.trainedOn ? `${t('trainedOn')} ${a.trainedOn}` : ''}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
      {canManage(session, region.code) && (
        <section className="entries">
          <h2>{t('record')}</h2>
          <EventForm region={region.code} token={session.token} onSaved={retry} />
          {region.scorecardFor && <TargetForm region={region.code} year={year} statuses={region.scorecardFor.statuses} token={session.token} onSaved={retry} />}
          <WorkshopForm region={region.code} advisors={region.advisors ?? []} token={session.token} onSaved={retry} />
        </section>
      )}
      <section className="exports">
        <h2>{t('exportCsv')}</h2>
        {people && <ExportButton list="people" params={{ region: region.code }} token={session.token} />}
        {people && <ExportButton list="enrolments" params={{ region: region.code }} token={session.token} />}
        {people && <ExportButton list="advisors" params={{ region: region.code }} token={session.token} />}
        <ExportButton list="events" params={{ region: region.code }} token={session.token} />
        <ExportButton list="scorecards" params={{ year }} token={session.token} />
      </section>
      <section>
        <h2>{t('people')}</h2>
        {people && autoEntrepreneurs ? (
          <table data-testid="people">
            <thead>
              <tr>
                <th>{t('name')}</th>
                <th>{t('nationalId')}</th>
                <th>{t('status')}</th>
                <th>{t('date')}</th>
              </tr>
            </thead>
            <tbody>
              {autoEntrepreneurs.edges.map(({ node }) => (
                <tr key={node.id}>
                  <td>{node.fullName}</td>
                  <td>{node.nationalId}</td>
                  <td>{node.status}</td>
                  <td>{node.registeredAt?.slice(0, 10) ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p className="muted" data-testid="people-hidden">
            {t('peopleHidden')}
          </p>
        )}
      </section>
    </main>
  );
}
