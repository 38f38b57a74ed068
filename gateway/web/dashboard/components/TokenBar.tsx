import { useState } from 'react';
import { LanguageSelect } from '../../shared/LanguageSelect';
import { useLabels } from '../i18n';
import type { Session } from '../session';

/** Asks for a token (the role decides what the pages show) and the language. */
export function TokenBar({ session, onToken }: { session: Session; onToken: (token: string | null) => void }) {
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
      <label>
        {t('token')} <input name="token" value={draft} onChange={(e) => setDraft(e.target.value)} placeholder="eyJhbGciOi…" autoComplete="off" />
      </label>
      <button type="submit">{t('useToken')}</button>
      {session.token && (
        <button type="button" onClick={() => onToken(null)}>
          {t('signOut')}
        </button>
      )}
      <LanguageSelect label={t('language')} className="lang" />
      <small>{t('tokenHelp')}</small>
    </form>
  );
}
