import { useState } from 'react';
import { Failure, Loading, PartialNotice } from '../components/Notices';
import { ScopeTitle } from '../components/ScopeTitle';
import { Table } from '../components/Table';
import { EventForm } from '../forms/EventForm';
import { WorkshopForm } from '../forms/WorkshopForm';
import { useLabels } from '../i18n';
import { NATIONAL_EVENTS_QUERY, REGION_EVENTS_QUERY } from '../queries';
import { canManage, canReadPeople, type Session } from '../session';
import { useQuery } from '../useQuery';
import { NATION } from '../app/routes';

interface EventRow {
  id: string;
  kind: string;
  title: string;
  heldOn: string;
  attendance: number;
  place?: string | null;
  regionCode?: string;
}
interface EventsData {
  events?: EventRow[] | null;
  region?: {
    code: string;
    name: string;
    nameAr: string;
    isPilot: boolean;
    events: EventRow[] | null;
    advisors: Array<{ id: string; active: boolean; trainedOn: string | null; fullName?: string }> | null;
  } | null;
}

/** Events and workshops held: a region's, newest first, with the forms its council records them with; the nation's, the year's. */
export function EventsView({ scope, session, year }: { scope: string; session: Session; year: number }) {
  const { t } = useLabels();
  const national = scope === NATION;
  const [shown, setShown] = useState('');
  const variables = national ? { year } : { code: scope, people: canReadPeople(session, scope) };
  const [state, retry] = useQuery<EventsData>(national ? NATIONAL_EVENTS_QUERY : REGION_EVENTS_QUERY, variables, session.token);
  if (state.kind === 'loading') return <Loading />;
  if (state.kind === 'failed') return <Failure message={state.message} retry={retry} />;
  const { region } = state.data;
  const all = [...((national ? state.data.events : region?.events) ?? [])].reverse();
  const years = [...new Set(all.map((e) => e.heldOn.slice(0, 4)))];
  const events = all.filter((e) => !shown || e.heldOn.startsWith(shown));
  return (
    <main>
      <ScopeTitle view={national ? `${t('views.events')} (${year})` : t('views.events')} region={region} />
      <PartialNotice errors={state.errors} />
      {!national && region && canManage(session, region.code) && (
        <section className="entries">
          <EventForm region={region.code} token={session.token} onSaved={retry} />
          <WorkshopForm region={region.code} advisors={region.advisors ?? []} token={session.token} onSaved={retry} />
        </section>
      )}
      {!national && (
        <label className="filter">
          {t('yearColumn')}{' '}
          <select name="eventYear" value={shown} onChange={(e) => setShown(e.target.value)}>
            <option value="">{t('allYears')}</option>
            {years.map((y) => (
              <option key={y}>{y}</option>
            ))}
          </select>
        </label>
      )}
      <Table columns={[t('date'), ...(national ? [t('region')] : []), t('kind'), t('name'), t('attendance')]} testid="events">
        {events.slice(0, 100).map((e) => (
          <tr key={e.id}>
            <td>{e.heldOn}</td>
            {national && <td>{e.regionCode}</td>}
            <td>{t(e.kind as 'AWARENESS')}</td>
            <td>{e.title}</td>
            <td className="num">{e.attendance}</td>
          </tr>
        ))}
      </Table>
    </main>
  );
}
