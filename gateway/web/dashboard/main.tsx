import './dashboard.css';
import { useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { TokenBar } from './components/TokenBar';
import { useLabels } from './i18n';
import { authManager, signedInUser, signIn, signOut } from '../shared/auth';
import { DASHBOARD, sessionOfUser } from './auth';
import { homeRegion, loadSession, saveToken, sessionOf, type Session } from './session';
import { NationalView } from './views/NationalView';
import { RegionView } from './views/RegionView';

const REGION_PATH = /^\/dashboard\/(MA-\d{2})\/?$/;
const TARGET_YEARS = [2018, 2019, 2020, new Date().getFullYear()];

function App() {
  const [path, setPath] = useState(location.pathname);
  const [session, setSession] = useState<Session>(loadSession);
  const [account, setAccount] = useState<{ signedIn: boolean } | null>(null);
  const [year, setYear] = useState(2019);
  const { t } = useLabels();

  // A sign-in with the provider, finished here when it has just sent the browser back; its token renewed silently.
  useEffect(() => {
    void (async () => {
      const auth = await authManager(DASHBOARD);
      if (!auth) return;
      const { user, returnTo } = await signedInUser(DASHBOARD);
      if (user) setSession(await sessionOfUser(user));
      setAccount({ signedIn: !!user });
      if (returnTo) {
        history.replaceState(null, '', returnTo);
        setPath(returnTo);
      }
      auth.events.addUserLoaded((renewed) => void sessionOfUser(renewed).then(setSession));
      auth.events.addUserUnloaded(() => {
        setSession(sessionOf(null));
        setAccount({ signedIn: false });
      });
    })();
  }, []);

  const go = (next: string) => {
    history.pushState(null, '', next);
    setPath(next);
  };
  useEffect(() => {
    const onPop = () => setPath(location.pathname);
    addEventListener('popstate', onPop);
    return () => removeEventListener('popstate', onPop);
  }, []);

  // A council or an advisor works on their own region: the national page sends them there.
  const home = homeRegion(session);
  const region = REGION_PATH.exec(path)?.[1] ?? null;
  useEffect(() => {
    if (home && !region) go(`/dashboard/${home}`);
  }, [home, region]);

  return (
    <>
      <header>
        <h1>{t('title')}</h1>
        <TokenBar
          session={session}
          onToken={(token) => setSession(saveToken(token))}
          account={account && { signedIn: account.signedIn, signIn: () => void signIn(DASHBOARD), signOut: () => void signOut(DASHBOARD) }}
        />
        <label className="year">
          {t('year')}{' '}
          <select name="year" value={year} onChange={(e) => setYear(Number(e.target.value))}>
            {TARGET_YEARS.map((y) => (
              <option key={y}>{y}</option>
            ))}
          </select>
        </label>
      </header>
      {region ? <RegionView code={region} session={session} year={year} go={go} /> : home ? null : <NationalView session={session} year={year} go={go} />}
    </>
  );
}

createRoot(document.getElementById('dashboard')!).render(<App />);
