import { useLabels } from '../i18n';
import type { WriteState } from './useMutation';

/** What became of a form's write: sending, saved, or the graph's refusal with the field it names. */
export function WriteStatus({ state }: { state: WriteState }) {
  const { t } = useLabels();
  if (state.kind === 'sending') return <p className="muted">{t('saving')}</p>;
  if (state.kind === 'saved')
    return (
      <p className="notice saved" role="status">
        {t('saved')}
      </p>
    );
  if (state.kind === 'refused')
    return (
      <p className="notice error" role="alert" data-field={state.field ?? ''}>
        {t('invalid')}
        {state.field ? ` (${state.field})` : ''} : {state.message}
      </p>
    );
  return null;
}
