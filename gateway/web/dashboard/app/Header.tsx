import { useRef, useState } from 'react';
import { Link } from 'wouter';
import { LanguageSelect } from '../../shared/LanguageSelect';
import { useLabels } from '../i18n';
import type { Session } from '../session';

const TARGET_YEARS = [2018, 2019, 2020, new Date().getFullYear()];

/**
 * The app's bar: who is signed in (with the provider when the gateway names one), the language,
 * the year the scorecards measure, and, folded away, a box for a pasted token or API key (scripts
 * and partner developers: the role it carries decides what the views offer).
 */
export function Header({
  session,
  onToken,
  account,
  year,
  onYear,
}: {
  session: Session;
  onToken: (token: string | null) => void;
  /** Sign-in with the OpenID provider: null when none is configured. */
  account: { signedIn: boolean; signIn: () => void; signOut: () => void } | null;
  year: number;
  onYear: (year: number) => void;
}) {
  const { t } = useLabels();
  const [draft, setDraft] = useState('');
  const tokenBox = useRef<HTMLDetailsElement>(null);
  const who = session.role ? `${session.role}${session.region ? ` · ${session.region}` : ''}` : t('anonymous');
  return (
    <header>
      <h1>
        <Link href="~/dashboard">{t('title')}</Link>
      </h1>
      <div className="account">
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
        <LanguageSelect label={t('language')} className="lang" />
        <label className="year">
          {t('year')}{' '}
          <select name="year" value={year} onChange={(e) => onYear(Number(e.target.value))}>
            {TARGET_YEARS.map((y) => (
              <option key={y}>{y}</option>
            ))}
          </select>
        </label>
      </div>
      <details className="token" ref={tokenBox}>
        <summary>{t('token')}</summary>
        <form
          className="token-bar"
          onSubmit={(e) => {
            e.preventDefault();
            onToken(draft.trim().replace(/^(Bearer|ApiKey)\s+/i, '') || null);
            setDraft('');
            // Folded again once used: the bar stays one line on a phone.
            if (tokenBox.current) tokenBox.current.open = false;
          }}
        >
          <label>
            {t('token')} <input name="token" value={draft} onChange={(e) => setDraft(e.target.value)} placeholder="eyJhbGciOi…" autoComplete="off" />
          </label>
          <button type="submit">{t('useToken')}</button>
          {session.token && !account?.signedIn && (
            <button type="button" onClick={() => onToken(null)}>
              {t('signOut')}
            </button>
          )}
          <small>{t('tokenHelp')}</small>
        </form>
      </details>
    </header>
  );
}
