import { useLabels } from '../i18n';
import type { Session } from '../session';
import type { Refusal } from './access';

/** A deep link to a view the signed-in user cannot use: why, who can, and a way to sign in when no one is signed in. */
export function Refused({ refusal, session, signIn }: { refusal: Refusal; session: Session; signIn: (() => void) | null }) {
  const { t } = useLabels();
  return (
    <main>
      <div className="notice partial" data-testid="refused" data-refusal={refusal}>
        <p>
          <strong>{t(`refused.${refusal}`)}</strong>
        </p>
        <p>{session.role ? `${t('refused.youAre')} ${session.role}${session.region ? ` · ${session.region}` : ''}.` : t('refused.signedOut')}</p>
        {signIn && (
          <button type="button" onClick={signIn}>
            {t('signIn')}
          </button>
        )}
      </div>
    </main>
  );
}
