import { useEffect, useState } from 'react';
import { useGraphiQL, useGraphiQLActions, type GraphiQLPlugin } from '@graphiql/react';
import { Trans, useTranslation } from 'react-i18next';
import { EXAMPLE_OPERATIONS, type ExampleOperation } from '../../src/examples';
import { authManager, signedInUser, signIn, signOut, type App } from '../shared/auth';
import { LanguageSelect } from '../shared/LanguageSelect';

/** The explorer as an app that signs in (shared/auth.ts). */
const EXPLORER: App = { callback: '/callback', home: '/' };

function BookIcon() {
  return (
    <svg viewBox="0 0 24 24" width="20" height="20" fill="none" stroke="currentColor" strokeWidth="1.5" aria-hidden="true">
      <path d="M4 4h10a4 4 0 0 1 4 4v12H8a4 4 0 0 1-4-4z" />
      <path d="M8 8h6M8 12h6" />
    </svg>
  );
}

/** Saved operations that load with one click; sign-in with the provider, or a token box (partner API keys), that fills the Authorization header. */
function ExamplesPane() {
  const queryEditor = useGraphiQL((s) => s.queryEditor);
  const variableEditor = useGraphiQL((s) => s.variableEditor);
  const headerEditor = useGraphiQL((s) => s.headerEditor);
  const { setOperationName } = useGraphiQLActions();
  const [token, setToken] = useState('');
  const [account, setAccount] = useState<{ signedIn: boolean } | null>(null);
  const bearer = (accessToken: string | null) => headerEditor?.setValue(accessToken ? JSON.stringify({ Authorization: `Bearer ${accessToken}` }, null, 2) : '');

  // Back from the provider, or signed in already: the access token (renewed silently) goes into the headers.
  useEffect(() => {
    if (!headerEditor) return;
    void (async () => {
      const auth = await authManager(EXPLORER);
      if (!auth) return;
      const { user, returnTo } = await signedInUser(EXPLORER);
      if (returnTo) history.replaceState(null, '', returnTo);
      if (user) bearer(user.access_token);
      setAccount({ signedIn: !!user });
      auth.events.addUserLoaded((renewed) => bearer(renewed.access_token));
    })();
  }, [headerEditor]);
  const { t, i18n } = useTranslation('explorer');
  const markup = { b: <b />, code: <code />, a: <a href="/dashboard" /> };

  const load = (example: ExampleOperation) => {
    queryEditor?.setValue(example.query);
    variableEditor?.setValue(JSON.stringify(example.variables ?? {}, null, 2));
    // GraphiQL learns the operation's name from the editor a moment later: a Run pressed at once would send the previous one's.
    const name = /^\s*(?:query|mutation|subscription)\s+(\w+)/.exec(example.query)?.[1];
    if (name) setOperationName(name);
  };
  const useToken = () => {
    // A partner API key (mkp_…) goes as "ApiKey <key>", anything else as a bearer token.
    const value = token.trim().replace(/^(Bearer|ApiKey)\s+/i, '');
    const authorization = value.startsWith('mkp_') ? `ApiKey ${value}` : `Bearer ${value}`;
    headerEditor?.setValue(value ? JSON.stringify({ Authorization: authorization }, null, 2) : '');
  };

  return (
    <div className="moukawil-examples" lang={i18n.resolvedLanguage} dir={i18n.dir()}>
      <div className="graphiql-doc-explorer-title">{t('examples')}</div>
      <LanguageSelect label={t('language')} className="moukawil-language" />
      <p>{t('examplesHelp')}</p>
      <ul>
        {EXAMPLE_OPERATIONS.map((example) => (
          <li key={example.title}>
            <button type="button" className="graphiql-button" data-example={example.title} onClick={() => load(example)}>
              {example.title}
            </button>
            <p>
              {example.description}
              {example.role ? ` ${t('role', { role: example.role })}` : ''}
            </p>
          </li>
        ))}
      </ul>
      {account &&
        (account.signedIn ? (
          <button type="button" className="graphiql-button" data-action="sign-out" onClick={() => void signOut(EXPLORER)}>
            {t('signOut')}
          </button>
        ) : (
          <button type="button" className="graphiql-button" data-action="sign-in" onClick={() => void signIn(EXPLORER)}>
            {t('signIn')}
          </button>
        ))}
      <label htmlFor="moukawil-token">{t('tokenLabel')}</label>
      <textarea id="moukawil-token" rows={3} value={token} placeholder="npm run token -- --role NATIONAL" onChange={(e) => setToken(e.target.value)} />
      <button type="button" className="graphiql-button" data-action="use-token" onClick={useToken}>
        {t('useToken')}
      </button>
      <p>{t('tokenWhere')}</p>
      <div className="graphiql-doc-explorer-title">{t('access')}</div>
      <ul className="moukawil-access">
        {(['accessPublic', 'accessPeople', 'accessTokens', 'accessDashboard'] as const).map((key) => (
          <li key={key}>
            <Trans t={t} i18nKey={key} components={markup} />
          </li>
        ))}
      </ul>
    </div>
  );
}

export const examplesPlugin: GraphiQLPlugin = { title: 'Exemples · Examples · أمثلة', icon: BookIcon, content: ExamplesPane };
