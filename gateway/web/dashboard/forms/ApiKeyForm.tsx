import { useState, type FormEvent } from 'react';
import { useLabels } from '../i18n';
import { useFields } from './useFields';
import { WriteStatus } from './WriteStatus';
import { useMutationAnswer } from './useMutation';

const ISSUE = `mutation IssueApiKey($input: ApiKeyInput!) { issueApiKey(input: $input) { key apiKey { id prefix } } }`;

/** The national office issues a partner's API key: the key is shown once, here, and never stored in clear. */
export function ApiKeyForm({ token, onSaved }: { token: string | null; onSaved: () => void }) {
  const { t } = useLabels();
  const [state, send] = useMutationAnswer<{ issueApiKey: { key: string } }>(ISSUE, token, onSaved);
  const [shown, setShown] = useState<string | null>(null);
  const { values: form, input } = useFields({ name: '', owner: '', partner: '', ratePerMinute: '' });
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setShown(null);
    const answer = await send({
      input: {
        name: form.name,
        owner: form.owner,
        partner: form.partner || null,
        scopes: ['GRAPHQL', 'EXPORTS'],
        ratePerMinute: form.ratePerMinute ? Number(form.ratePerMinute) : null,
      },
    });
    if (answer) setShown(answer.issueApiKey.key);
  };
  return (
    <form className="entry" data-testid="api-key-form" onSubmit={(e) => void submit(e)}>
      <h3>{t('issueKey')}</h3>
      {input('name', t('keyName'), { required: true })}
      {input('owner', t('keyOwner'), { required: true, type: 'email' })}
      {input('partner', t('partner'))}
      {input('ratePerMinute', t('ratePerMinute'), { type: 'number', inputMode: 'numeric', min: 1 })}
      <button type="submit" disabled={state.kind === 'sending'}>
        {t('save')}
      </button>
      <WriteStatus state={state} />
      {shown && (
        <p className="notice saved" data-testid="issued-key">
          {t('keyShownOnce')} <code>{shown}</code>
        </p>
      )}
    </form>
  );
}
