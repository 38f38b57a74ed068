import { lazy, Suspense } from 'react';
import { Loading } from '../components/Notices';
import type { Session } from '../session';
import { NationalOverview } from '../views/NationalOverview';
import { RegionOverview } from '../views/RegionOverview';
import { NATION, type Route } from './routes';

// The overviews come with the app (the first screen most users see); every other view is loaded when opened.
const AdminView = lazy(() => import('../views/AdminView').then((m) => ({ default: m.AdminView })));
const AdvisorView = lazy(() => import('../views/AdvisorView').then((m) => ({ default: m.AdvisorView })));
const EventsView = lazy(() => import('../views/EventsView').then((m) => ({ default: m.EventsView })));
const ExportsView = lazy(() => import('../views/ExportsView').then((m) => ({ default: m.ExportsView })));
const IndicatorsView = lazy(() => import('../views/IndicatorsView').then((m) => ({ default: m.IndicatorsView })));
const PersonView = lazy(() => import('../views/PersonView').then((m) => ({ default: m.PersonView })));
const ProgrammesView = lazy(() => import('../views/ProgrammesView').then((m) => ({ default: m.ProgrammesView })));
const RegisterView = lazy(() => import('../views/RegisterView').then((m) => ({ default: m.RegisterView })));

/** The one switch from an address to its view. */
export function ViewOf({ route, session, year }: { route: Route; session: Session; year: number }) {
  return (
    <Suspense fallback={<Loading />}>
      <View route={route} session={session} year={year} />
    </Suspense>
  );
}

function View({ route, session, year }: { route: Route; session: Session; year: number }) {
  const { scope } = route;
  switch (route.view) {
    case 'overview':
      return scope === NATION ? <NationalOverview session={session} year={year} /> : <RegionOverview code={scope} session={session} year={year} />;
    case 'register':
      return route.id ? <PersonView id={route.id} scope={scope} session={session} /> : <RegisterView scope={scope} session={session} />;
    case 'programmes':
      return <ProgrammesView scope={scope} session={session} />;
    case 'events':
      return <EventsView scope={scope} session={session} year={year} />;
    case 'indicators':
      return <IndicatorsView scope={scope} session={session} year={year} />;
    case 'exports':
      return <ExportsView scope={scope} session={session} year={year} />;
    case 'admin':
      return <AdminView session={session} />;
    case 'advisor':
      return <AdvisorView session={session} />;
  }
}
