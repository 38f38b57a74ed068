import { useState, type FormEvent } from 'react';
import { useLabels } from '../i18n';
import { useFields } from './useFields';
import { useMutation } from './useMutation';
import { WriteStatus } from './WriteStatus';

const CREATE_PROGRAMME = `mutation CreateProgramme($input: ProgrammeInput!) { createProgramme(input: $input) { code } }`;
const KINDS = ['POST_CREATION_SUPPORT', 'PROJECT_HOLDER_SUPPORT', 'TPME_PROMOTION', 'DIGITAL_INCLUSION', 'TRAINING', 'SECTOR_SUPPORT'];

/** The national office creates a programme (loans need more than this form asks: they are created through the API). */
export function ProgrammeForm({ regions, token, onSaved }: { regions: Array<{ code: string; name: string }>; token: string | null; onSaved: () => void }) {
  const { t } = useLabels();
  const [state, send] = useMutation(CREATE_PROGRAMME, token, onSaved);
  const {
    values: form,
    set,
    input,
  } = useFields({
    code: '',
    name: '',
    description: '',
    kind: KINDS[0],
    operator: 'Maroc PME',
    startYear: String(new Date().getUTCFullYear()),
    eligibility: '',
    source: '',
  });
  const [where, setWhere] = useState<string[]>([]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void send({ input: { ...form, startYear: Number(form.startYear), regions: where, scope: 'ALL' } });
  };
  const text = (key: keyof typeof form, label: string) => input(key, label, { required: true });
  return (
    <form className="entry" data-testid="programme-form" onSubmit={submit}>
      <h3>{t('createProgramme')}</h3>
      {text('code', t('code'))}
      {text('name', t('name'))}
      {text('description', t('description'))}
      <label>
        {t('kind')}
        <select name="kind" value={form.kind} onChange={set('kind')}>
          {KINDS.map((k) => (
            <option key={k}>{k}</option>
          ))}
        </select>
      </label>
      {text('operator', t('operator'))}
      {text('startYear', t('startYear'))}
      {text('eligibility', t('eligibility'))}
      {text('source', t('sourceText'))}
      <fieldset>
        <legend>{t('regions')}</legend>
        {regions.map((r) => (
          <label key={r.code} className="check">
            <input
              type="checkbox"
              name="region"
              value={r.code}
              checked={where.includes(r.code)}
              onChange={() => setWhere(where.includes(r.code) ? where.filter((c) => c !== r.code) : [...where, r.code])}
            />{' '}
            {r.name}
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
