import { Failure, Loading, PartialNotice } from '../components/Notices';
import { PeopleList } from '../components/PeopleList';
import { RegistryFigures } from '../components/RegistryFigures';
import { ScopeTitle } from '../components/ScopeTitle';
import { useMemo } from 'react';
import { Figure } from '../components/Figure';
import { placeName, useLabels } from '../i18n';
import { NATIONAL_REGISTER_QUERY, REGION_REGISTER_QUERY } from '../queries';
import { canReadPeople, type Session } from '../session';
import { useQuery } from '../useQuery';
import { NATION } from '../app/routes';
import { regionsFigure, type Breakdown, type YearFigures } from './figures';

interface Figures {
  registrationStats?: { bySegment: Breakdown[]; byActivityCategory: Breakdown[] } | null;
  nationalStats?: { bySegment: Breakdown[]; byActivityCategory: Breakdown[] } | null;
  registrationsByYear: YearFigures[] | null;
}
interface RegisterData extends Figures {
  regions?: Array<{ code: string; name: string; nameAr: string; isPilot: boolean; registrationStats: { registered: number } | null }> | null;
  region?: (Figures & { code: string; name: string; nameAr: string; isPilot: boolean }) | null;
}

/** The register of a scope: who is in it (for those who may read people: search, a person, the applications waiting) and its figures year by year. */
export function RegisterView({ scope, session }: { scope: string; session: Session }) {
  const { t, lang } = useLabels();
  const national = scope === NATION;
  const [state, retry] = useQuery<RegisterData>(national ? NATIONAL_REGISTER_QUERY : REGION_REGISTER_QUERY, national ? {} : { code: scope }, session.token);
  const people = canReadPeople(session, scope);
  const figures: Figures | null | undefined = state.kind !== 'done' ? null : national ? state.data : state.data.region;
  const byRegion = useMemo(() => {
    const regions = state.kind === 'done' ? state.data.regions : null;
    return regions
      ? regionsFigure(
          regions.map((r) => ({ name: placeName(lang, r), isPilot: r.isPilot, registered: r.registrationStats?.registered ?? null })),
          t,
        )
      : null;
  }, [state, t, lang]);
  const stats = figures && (national ? figures.nationalStats : figures.registrationStats);
  return (
    <main>
      <ScopeTitle view={t('views.register')} region={state.kind === 'done' ? state.data.region : null} />
      {people ? (
        <PeopleList region={national ? null : scope} token={session.token} />
      ) : (
        <p className="muted" data-testid="people-hidden">
          {t('peopleHidden')}
        </p>
      )}
      <h3>{t('registerFigures')}</h3>
      {state.kind === 'loading' && <Loading />}
      {state.kind === 'failed' && <Failure message={state.message} retry={retry} />}
      {state.kind === 'done' && <PartialNotice errors={state.errors} />}
      {byRegion && (
        <section className="charts">
          <Figure spec={byRegion} />
        </section>
      )}
      {figures && <RegistryFigures years={figures.registrationsByYear} bySegment={stats?.bySegment} byCategory={stats?.byActivityCategory} />}
    </main>
  );
}
