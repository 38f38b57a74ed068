import { ExportButton } from '../components/ExportButton';
import { ScopeTitle } from '../components/ScopeTitle';
import { useLabels } from '../i18n';
import { canReadPeople, type Session } from '../session';
import { NATION } from '../app/routes';
import { REGIONS_QUERY } from '../queries';
import { useQuery } from '../useQuery';

/**
 * The lists of a scope as CSV files, each what the signed-in user may read: the people, enrolments and
 * advisors only for those who may read people (masked as in the graph), events and scorecards for all.
 */
export function ExportsView({ scope, session, year }: { scope: string; session: Session; year: number }) {
  const { t } = useLabels();
  const people = canReadPeople(session, scope);
  const [regions] = useQuery<{ regions: Array<{ code: string; name: string; nameAr: string }> }>(REGIONS_QUERY, {}, null);
  const where: Record<string, string> = scope === NATION ? {} : { region: scope };
  return (
    <main>
      <ScopeTitle view={t('views.exports')} region={regions.kind === 'done' ? regions.data.regions.find((r) => r.code === scope) : null} />
      <section className="exports" data-testid="exports">
        {people && <ExportButton list="people" params={where} token={session.token} />}
        {people && <ExportButton list="enrolments" params={where} token={session.token} />}
        {people && <ExportButton list="advisors" params={where} token={session.token} />}
        <ExportButton list="events" params={where} token={session.token} />
        <ExportButton list="scorecards" params={{ year }} token={session.token} />
      </section>
      {!people && <p className="muted">{t('peopleHidden')}</p>}
      <p className="muted">{t('exportsHelp')}</p>
    </main>
  );
}
