import type { GraphQLError } from '../api';
import { useLabels } from '../i18n';

export function Loading() {
  const { t } = useLabels();
  return (
    <p className="loading" role="status">
      {t('loading')}
    </p>
  );
}

export function Failure({ message, retry }: { message: string; retry: () => void }) {
  const { t } = useLabels();
  return (
    <div className="notice error" role="alert">
      <strong>{t('error')}</strong> — {message}{' '}
      <button type="button" onClick={retry}>
        {t('retry')}
      </button>
    </div>
  );
}

/** The errors that came with partial data: which part is missing, and why. */
export function PartialNotice({ errors }: { errors: GraphQLError[] }) {
  const { t } = useLabels();
  if (errors.length === 0) return null;
  const where = (e: GraphQLError) => e.path?.filter((p) => typeof p === 'string').join('.');
  const lines = [...new Set(errors.map((e) => (where(e) ? `${where(e)}: ${e.message}` : e.message)))];
  return (
    <div className="notice partial" role="alert" data-testid="partial-notice">
      <strong>{t('partial')}</strong>
      <ul>
        {lines.slice(0, 6).map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
    </div>
  );
}
