import { useState, type FormEvent } from 'react';
import { useLabels } from '../i18n';
import { useMutation } from './useMutation';
import { WriteStatus } from './WriteStatus';

const RECORD_EVENT = `mutation RecordEvent($input: EventInput!) { recordEvent(input: $input) { id } }`;
const today = () => new Date().toISOString().slice(0, 10);

/** A council records an awareness event or a council session of its region; the page reads its figures again once saved. */
export function EventForm({ region, token, onSaved }: { region: string; token: string | null; onSaved: () => void }) {
  const { t } = useLabels();
  const [state, send] = useMutation(RECORD_EVENT, token, onSaved);
  const [form, setForm] = useState({ kind: 'AWARENESS', heldOn: today(), title: '', place: '', partner: '', women: '0', men: '0' });
  const set = (key: keyof typeof form) => (e: { target: { value: string } }) => setForm({ ...form, [key]: e.target.value });
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
      <label>
        {t('date')}
        <input name="heldOn" type="date" value={form.heldOn} onChange={set('heldOn')} required />
      </label>
      <label>
        {t('eventTitle')}
        <input name="title" value={form.title} onChange={set('title')} required />
      </label>
      <label>
        {t('place')}
        <input name="place" value={form.place} onChange={set('place')} required />
      </label>
      <label>
        {t('partner')}
        <input name="partner" value={form.partner} onChange={set('partner')} placeholder={`CCIS-${region.slice(3)}`} />
      </label>
      <label>
        {t('women')}
        <input name="women" type="number" value={form.women} onChange={set('women')} />
      </label>
      <label>
        {t('men')}
        <input name="men" type="number" value={form.men} onChange={set('men')} />
      </label>
      <button type="submit" disabled={state.kind === 'sending'}>
        {t('save')}
      </button>
      <WriteStatus state={state} />
    </form>
  );
}
