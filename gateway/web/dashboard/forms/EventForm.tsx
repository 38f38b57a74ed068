import type { FormEvent } from 'react';
import { useLabels } from '../i18n';
import { today, useFields } from './useFields';
import { useMutation } from './useMutation';
import { WriteStatus } from './WriteStatus';

const RECORD_EVENT = `mutation RecordEvent($input: EventInput!) { recordEvent(input: $input) { id } }`;

/** A council records an awareness event or a council session of its region; the page reads its figures again once saved. */
export function EventForm({ region, token, onSaved }: { region: string; token: string | null; onSaved: () => void }) {
  const { t } = useLabels();
  const [state, send] = useMutation(RECORD_EVENT, token, onSaved);
  const { values: form, set, input } = useFields({ kind: 'AWARENESS', heldOn: today(), title: '', place: '', partner: '', women: '0', men: '0' });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void send({
      input: {
        kind: form.kind,
        region,
        heldOn: form.heldOn,
        title: form.title,
        place: form.place,
        partner: form.partner || null,
        women: Number(form.women),
        men: Number(form.men),
      },
    });
  };
  return (
    <form className="entry" data-testid="event-form" onSubmit={submit}>
      <h3>{t('recordEvent')}</h3>
      <label>
        {t('kind')}
        <select name="kind" value={form.kind} onChange={set('kind')}>
          <option value="AWARENESS">{t('AWARENESS')}</option>
          <option value="COUNCIL_SENSITISATION">{t('COUNCIL_SENSITISATION')}</option>
        </select>
      </label>
      {input('heldOn', t('date'), { type: 'date', required: true })}
      {input('title', t('eventTitle'), { required: true })}
      {input('place', t('place'), { required: true })}
      {input('partner', t('partner'), { placeholder: `CCIS-${region.slice(3)}` })}
      {input('women', t('women'), { type: 'number' })}
      {input('men', t('men'), { type: 'number' })}
      <button type="submit" disabled={state.kind === 'sending'}>
        {t('save')}
      </button>
      <WriteStatus state={state} />
    </form>
  );
}
