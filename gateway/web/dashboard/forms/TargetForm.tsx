import type { FormEvent } from 'react';
import { graphql } from '../api';
import { indicatorName, type StatusRow } from '../components/Scorecard';
import { useLabels } from '../i18n';
import { useFields } from './useFields';
import { useMutation } from './useMutation';
import { WriteStatus } from './WriteStatus';
import { NATION } from '../app/routes';

const SET_TARGET = `mutation SetTarget($input: TargetInput!) { setTarget(input: $input) { id } }`;
const REVISE_TARGET = `mutation ReviseTarget($id: ID!, $value: Float!, $reason: String!) { reviseTarget(id: $id, value: $value, reason: $reason) { id } }`;
const TARGETS = `query TargetsOf($code: ID!) { indicator(code: $code) { targets { id scope fromYear toYear } } }`;

/**
 * A council sets its region's target (the national office, the nation's: scope "MA") for an indicator of the catalogue and a period, or revises
 * the one it set, with a reason (the national office, any region's); the graph keeps every
 * revision and audits it. The scorecard reads it once saved.
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
    source: region === NATION ? 'Maroc PME — bureau national' : `Conseil régional ${region}`,
    reason: '',
  });
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const [fromYear, toYear, value] = [Number(form.fromYear), Number(form.toYear), Number(form.value)];
    // The region's target of this indicator and period, if it has one: that one is revised.
    const { data } = await graphql<{ indicator: { targets: Array<{ id: string; scope: string; fromYear: number; toYear: number }> } | null }>(
      TARGETS,
      { code: form.indicator },
      token,
    ).catch(() => ({ data: null }));
    const found = data?.indicator?.targets.find((target) => target.scope === region && target.fromYear === fromYear && target.toYear === toYear);
    if (found) void send({ id: found.id, value, reason: form.reason }, REVISE_TARGET);
    else void send({ input: { indicator: form.indicator, region: region === NATION ? null : region, fromYear, toYear, value, source: form.source } });
  };
  return (
    <form className="entry" data-testid="target-form" onSubmit={(e) => void submit(e)}>
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
      {input('reason', t('revisionReason'))}
      <button type="submit" disabled={state.kind === 'sending'}>
        {t('save')}
      </button>
      <WriteStatus state={state} />
    </form>
  );
}
