import { canReadPeople, type Session } from '../session';
import { NATION, type Route, type View } from './routes';

/** Why a view is closed to a session: the translation key of the reason shown on a deep link to it. */
export type Refusal = 'onlyNational' | 'onlyAdvisor' | 'onlyPeople';

/**
 * Which views a session may use. Every other view is open to all: its public figures are for
 * everyone, and a part that is not (the people of the register) says so in place. This chooses
 * what the app offers; the graph decides what it answers.
 */
export function refusalOf(session: Session, route: Pick<Route, 'scope' | 'view' | 'id'>): Refusal | null {
  if (route.view === 'admin') return session.role === 'NATIONAL' && route.scope === NATION ? null : 'onlyNational';
  if (route.view === 'advisor') return session.role === 'ADVISOR' && session.region === route.scope ? null : 'onlyAdvisor';
  if (route.view === 'register' && route.id !== null) return canReadPeople(session, route.scope) ? null : 'onlyPeople';
  return null;
}

/** The views of a scope offered to a session, in the navigation's order. */
export function viewsOf(session: Session, scope: string): View[] {
  const all: View[] =
    scope === NATION
      ? ['overview', 'register', 'programmes', 'events', 'indicators', 'exports', 'admin']
      : ['advisor', 'overview', 'register', 'programmes', 'events', 'indicators', 'exports'];
  return all.filter((view) => refusalOf(session, { scope, view, id: null }) === null);
}

/** Where a session starts: an advisor on their own work, a council on its region, everyone else on the nation. */
export function homeOf(session: Session): { scope: string; view: View } | null {
  if (session.role === 'ADVISOR' && session.region) return { scope: session.region, view: 'advisor' };
  if (session.role === 'REGIONAL' && session.region) return { scope: session.region, view: 'overview' };
  return null;
}
