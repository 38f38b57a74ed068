import './dashboard.css';
import { useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { Router, useLocation } from 'wouter';
import { Header } from './app/Header';
import { Nav } from './app/Nav';
import { Refused } from './app/Refused';
import { homeOf, refusalOf } from './app/access';
import { pathOf, routeOf } from './app/routes';
import { ViewOf } from './app/ViewOf';
import { Loading } from './components/Notices';
import { useLabels } from './i18n';
import { authConfig, authManager, hasAuthWork, signedInUser, signIn, signOut } from '../shared/auth';
import { DASHBOARD, openingSession, sessionOfUser } from './auth';
import { saveToken, sessionOf, type Session } from './session';

/**
 * The dashboard: one request path a reader can follow. Who the user is (a provider's sign-in or a
 * pasted token), where they are (the address: routes.ts), whether that view is theirs (access.ts),
 * then the view itself.
 */
function App() {
  const [location, navigate] = useLocation();
  const [session, setSession] = useState<Session>(openingSession);
  const [account, setAccount] = useState<{ signedIn: boolean } | null>(null);
  const [year, setYear] = useState(2019);
  const { t } = useLabels();

  // A sign-in with the provider, finished here when it has just sent the browser back; its token renewed silently.
  useEffect(() => {
    void (async () => {
      if (!(await authConfig()).issuer) return;
      // Signed out: the button is enough; the library comes with a click on it.
      if (!hasAuthWork(DASHBOARD)) return setAccount({ signedIn: false });
      const auth = await authManager(DASHBOARD);
      if (!auth) return;
      const { user, returnTo } = await signedInUser(DASHBOARD);
      if (user) setSession(await sessionOfUser(user));
      setAccount({ signedIn: !!user });
      if (returnTo) history.replaceState(null, '', returnTo);
      auth.events.addUserLoaded((renewed) => void sessionOfUser(renewed).then(setSession));
      auth.events.addUserUnloaded(() => {
        setSession(sessionOf(null));
        setAccount({ signedIn: false });
      });
    })();
  }, []);

  // Signed in (or a token pasted) on the national overview: a council goes to its region, an advisor to their work.
  const home = homeOf(session);
  const homePath = home && pathOf(home.scope, home.view);
  useEffect(() => {
    if (homePath && routeOf(location)?.view === 'overview' && routeOf(location)?.scope === 'MA') navigate(homePath, { replace: true });
    // Only when who the user is changes: afterwards the national overview stays one click away.
  }, [homePath]);

  const route = routeOf(location);
  const refusal = route && refusalOf(session, route);
  return (
    <>
      <Header
        session={session}
        onToken={(token) => setSession(saveToken(token))}
        account={account && { signedIn: account.signedIn, signIn: () => void signIn(DASHBOARD), signOut: () => void signOut(DASHBOARD) }}
        year={year}
        onYear={setYear}
      />
      {route && <Nav route={route} session={session} />}
      {location === DASHBOARD.callback.replace('/dashboard', '') ? (
        <Loading />
      ) : !route ? (
        <main>
          <p className="notice error">{t('noSuchView')}</p>
        </main>
      ) : refusal ? (
        <Refused refusal={refusal} session={session} signIn={account && !account.signedIn ? () => void signIn(DASHBOARD) : null} />
      ) : (
        <ViewOf route={route} session={session} year={year} />
      )}
    </>
  );
}

createRoot(document.getElementById('dashboard')!).render(
  <Router base="/dashboard">
    <App />
  </Router>,
);
