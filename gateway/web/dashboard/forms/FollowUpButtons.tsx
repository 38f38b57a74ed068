import { useState } from 'react';
import { useLabels } from '../i18n';
import { today } from './useFields';
import { useMutation } from './useMutation';
import { WriteStatus } from './WriteStatus';

const RECORD_FOLLOW_UP = `mutation RecordFollowUp($enrolment: ID!, $input: FollowUpInput!) { recordFollowUp(enrolment: $enrolment, input: $input) { id } }`;
const KINDS = ['VISIT', 'CALL', 'MEETING'] as const;

/**
 * A follow-up in two taps on a phone: "follow up", then how the contact was made. The day is
 * today and the notes say what kind of contact it was, unless the advisor writes more.
 */
export function FollowUpButtons({ enrolment, token, onSaved }: { enrolment: string; token: string | null; onSaved: () => void }) {
  const { t } = useLabels();
  const [open, setOpen] = useState(false);
  const [notes, setNotes] = useState('');
  const [state, send] = useMutation(RECORD_FOLLOW_UP, token, () => {
    setOpen(false);
    onSaved();
  });
  if (!open)
    return (
      <span className="follow-up">
        <button type="button" data-testid="follow-up" onClick={() => setOpen(true)}>
          {t('followUp')}
        </button>
        <WriteStatus state={state} />
      </span>
    );
  return (
    <span className="follow-up open" data-testid="follow-up-kinds">
      {KINDS.map((kind) => (
        <button
          key={kind}
          type="button"
          data-kind={kind}
          disabled={state.kind === 'sending'}
          onClick={() => void send({ enrolment, input: { on: today(), kind, notes: notes.trim() || t(`followUpNotes.${kind}`) } })}
        >
          {t(`followUpKinds.${kind}`)}
        </button>
      ))}
      <label>
        <span className="visually-hidden">{t('notes')}</span>
        <input name="notes" value={notes} onChange={(e) => setNotes(e.target.value)} placeholder={t('notes')} />
      </label>
      <WriteStatus state={state} />
    </span>
  );
}
