import { useState, type FormEvent } from 'react';
import { useLabels } from '../i18n';
import { today, useFields } from './useFields';
import { useMutation } from './useMutation';
import { WriteStatus } from './WriteStatus';

const RECORD_WORKSHOP = `mutation RecordWorkshop($input: WorkshopInput!) { recordWorkshop(input: $input) { id } }`;

export interface AdvisorChoice {
  id: string;
  fullName?: string;
  active: boolean;
}

/** A council records a training workshop of its region and ticks the advisors it trained. */
export function WorkshopForm({ region, advisors, token, onSaved }: { region: string; advisors: AdvisorChoice[]; token: string | null; onSaved: () => void }) {
  const { t } = useLabels();
  const [state, send] = useMutation(RECORD_WORKSHOP, token, onSaved);
  const { values: form, input } = useFields({ heldOn: today(), place: '', trainer: '' });
  const [trained, setTrained] = useState<string[]>([]);
  const toggle = (id: string) => setTrained(trained.includes(id) ? trained.filter((a) => a !== id) : [...trained, id]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void send({ input: { region, heldOn: form.heldOn, place: form.place, trainer: form.trainer, advisors: trained } });
  };
  return (
    <form className="entry" data-testid="workshop-form" onSubmit={submit}>
      <h3>{t('recordWorkshop')}</h3>
      {input('heldOn', t('date'), { type: 'date', required: true })}
      {input('place', t('place'), { required: true })}
      {input('trainer', t('trainer'), { required: true })}
      <fieldset>
        <legend>{t('trained')}</legend>
        {advisors
          .filter((a) => a.active)
          .slice(0, 30)
          .map((a) => (
            <label key={a.id} className="check">
              <input type="checkbox" name="advisor" value={a.id} checked={trained.includes(a.id)} onChange={() => toggle(a.id)} /> {a.fullName ?? a.id}
            </label>
          ))}
      </fieldset>
      <button type="submit" disabled={state.kind === 'sending'}>
        {t('save')}
      </button>
      <WriteStatus state={state} />
    </form>
  );
}
