import type { FormEvent } from 'react';
import { indicatorName, type StatusRow } from '../components/Scorecard';
import { useLabels } from '../i18n';
import { useFields } from './useFields';
import { useMutation } from './useMutation';
import { WriteStatus } from './WriteStatus';

const SET_TARGET = `mutation SetTarget($input: TargetInput!) { setTarget(input: $input) { id } }`;

/**
 * A council sets its region's target for an indicator of the catalogue and a period (the national
 * office, any region's); the graph keeps its revisions and audits it. The scorecard reads it once saved.
 */
export function TargetForm({
  region,
  year,
  statuses,
  token,
  onSaved,
}: {
  region: string;
  year: number;
  statuses: StatusRow[];
  token: string | null;
  onSaved: () => void;
}) {
  const { t, lang } = useLabels();
  const [state, send] = useMutation(SET_TARGET, token, onSaved);
  const {
    values: form,
    set,
    input,
  } = useFields({
    indicator: statuses[0]?.indicatorCode ?? '',
    fromYear: String(year),
    toYear: String(year),
    value: '',
    source: `Conseil régional ${region}`,
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void send({
      input: {
        indicator: form.indicator,
        region,
        fromYear: Number(form.fromYear),
        toYear: Number(form.toYear),
        value: Number(form.value),
        source: form.source,
      },
    });
  };
  return (
    <form className="entry" data-testid="target-form" onSubmit={submit}>
      <h3>{t('setTarget')}</h3>
      <label>
        {t('indicator')}
        <select name="indicator" value={form.indicator} onChange={set('indicator')}>
          {statuses.map((s) => (
            <option key={s.indicatorCode} value={s.indicatorCode}>
              {indicatorName(lang, s)}
            </option>
          ))}
        </select>
      </label>
      {input('fromYear', t('fromYear'), { type: 'number', inputMode: 'numeric', min: 2015, max: 2100, required: true })}
      {input('toYear', t('toYear'), { type: 'number', inputMode: 'numeric', min: 2015, max: 2100, required: true })}
      {input('value', t('targetValue'), { type: 'number', inputMode: 'decimal', min: 0, step: 'any', required: true })}
      {input('source', t('targetSource'), { required: true })}
      <button type="submit" disabled={state.kind === 'sending'}>
        {t('save')}
      </button>
      <WriteStatus state={state} />
    </form>
  );
}
