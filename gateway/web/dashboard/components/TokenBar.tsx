import { useState } from 'react';
import { LanguageSelect } from '../../shared/LanguageSelect';
import { useLabels } from '../i18n';
import type { Session } from '../session';

/** Sign-in with the provider (when the gateway names one), or a pasted token or API key (the role decides what the pages show), and the language. */
export function TokenBar({
  session,
  onToken,
  account,
}: {
  session: Session;
  onToken: (token: string | null) => void;
  /** Sign-in with the OpenID provider: null when none is configured. */
  account: { signedIn: boolean; signIn: () => void; signOut: () => void } | null;
}) {
  const { t } = useLabels();
  const [draft, setDraft] = useState('');
  const who = session.role ? `${session.role}${session.region ? ` · ${session.region}` : ''}` : t('anonymous');
  return (
    <form
      className="token-bar"
      onSubmit={(e) => {
        e.preventDefault();
        onToken(draft.trim().replace(/^(Bearer|ApiKey)\s+/i, '') || null);
        setDraft('');
      }}
    >
      <span className="who" data-testid="role">
        {t('role')} : <strong>{who}</strong>
      </span>
      {account &&
        (account.signedIn ? (
          <button type="button" data-testid="sign-out" onClick={account.signOut}>
            {t('signOutAccount')}
          </button>
        ) : (
          <button type="button" data-testid="sign-in" onClick={account.signIn}>
            {t('signIn')}
          </button>
        ))}
      <label>
        {t('token')} <input name="token" value={draft} onChange={(e) => setDraft(e.target.value)} placeholder="eyJhbGciOi…" autoComplete="off" />
      </label>
      <button type="submit">{t('useToken')}</button>
      {session.token && !account?.signedIn && (
        <button type="button" onClick={() => onToken(null)}>
          {t('signOut')}
        </button>
      )}
      <LanguageSelect label={t('language')} className="lang" />
      <small>{t('tokenHelp')}</small>
    </form>
  );
}
