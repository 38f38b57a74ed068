import type { Session } from '../session';
import { AdminView } from '../views/AdminView';
import { AdvisorView } from '../views/AdvisorView';
import { EventsView } from '../views/EventsView';
import { ExportsView } from '../views/ExportsView';
import { IndicatorsView } from '../views/IndicatorsView';
import { NationalOverview } from '../views/NationalOverview';
import { PersonView } from '../views/PersonView';
import { ProgrammesView } from '../views/ProgrammesView';
import { RegionOverview } from '../views/RegionOverview';
import { RegisterView } from '../views/RegisterView';
import { NATION, type Route } from './routes';

/** The one switch from an address to its view. */
export function ViewOf({ route, session, year }: { route: Route; session: Session; year: number }) {
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
