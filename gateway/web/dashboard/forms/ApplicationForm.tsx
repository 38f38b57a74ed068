import type { FormEvent } from 'react';
import { useLabels } from '../i18n';
import { useFields } from './useFields';
import { useMutation } from './useMutation';
import { WriteStatus } from './WriteStatus';

const SUBMIT = `mutation SubmitApplication($input: ApplicationInput!) { submitApplication(input: $input) { id status } }`;

/** An advisor files a person's application to the register in their region (status SUBMITTED: the council or the national office registers it). */
export function ApplicationForm({
  region,
  activities,
  token,
  onSaved,
}: {
  region: string;
  activities: Array<{ code: string; label: string }>;
  token: string | null;
  onSaved: () => void;
}) {
  const { t } = useLabels();
  const [state, send] = useMutation(SUBMIT, token, onSaved);
  const {
    values: form,
    set,
    input,
  } = useFields({ fullName: '', nationalId: '', gender: 'FEMALE', birthDate: '', activityCode: activities[0]?.code ?? '', phone: '' });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void send({
      input: {
        fullName: form.fullName,
        nationalId: form.nationalId.trim().toUpperCase(),
        gender: form.gender,
        birthDate: form.birthDate,
        region,
        activityCode: form.activityCode,
        phone: form.phone || null,
      },
    });
  };
  return (
    <form className="entry" data-testid="application-form" onSubmit={submit}>
      <h3>{t('newApplication')}</h3>
      {input('fullName', t('name'), { required: true, autoComplete: 'off' })}
      {input('nationalId', t('nationalId'), { required: true, autoComplete: 'off', autoCapitalize: 'characters' })}
      <label>
        {t('gender')}
        <select name="gender" value={form.gender} onChange={set('gender')}>
          <option value="FEMALE">{t('FEMALE')}</option>
          <option value="MALE">{t('MALE')}</option>
        </select>
      </label>
      {input('birthDate', t('birthDate'), { type: 'date', required: true })}
      <label>
        {t('activity')}
        <select name="activityCode" value={form.activityCode} onChange={set('activityCode')}>
          {activities.map((a) => (
            <option key={a.code} value={a.code}>
              {a.label}
            </option>
          ))}
        </select>
      </label>
      {input('phone', t('phone'), { type: 'tel', inputMode: 'tel', autoComplete: 'off' })}
      <button type="submit" disabled={state.kind === 'sending'}>
        {t('save')}
      </button>
      <WriteStatus state={state} />
    </form>
  );
}
