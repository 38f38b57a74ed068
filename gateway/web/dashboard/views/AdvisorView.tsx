import { Link } from 'wouter';
import { Failure, Loading, PartialNotice } from '../components/Notices';
import { ApplicationForm } from '../forms/ApplicationForm';
import { FollowUpButtons } from '../forms/FollowUpButtons';
import { useLabels } from '../i18n';
import { ADVISOR_QUERY } from '../queries';
import type { Session } from '../session';
import { useQuery } from '../useQuery';
import { pathOf } from '../app/routes';

interface Enrolment {
  id: string;
  status: string;
  enrolledAt: string;
  programme: { code: string; name: string };
  beneficiary: { id: string; fullName: string } | null;
  followUps: Array<{ id: string; on: string; kind: string }>;
}
interface AdvisorData {
  me: { id: string; fullName: string; regionCode: string; enrolments: Enrolment[] } | null;
  activities: Array<{ code: string; label: string; category: string }> | null;
}

/** A follow-up is due when an enrolment still running has had none for this many days. */
export const FOLLOW_UP_DAYS = 30;
const RUNNING = ['APPLIED', 'ACCEPTED', 'ACTIVE'];

const lastContact = (e: Enrolment) => e.followUps.reduce<string | null>((last, f) => (last && last > f.on ? last : f.on), null);

/** Which running enrolments are due a follow-up, the longest waiting first. */
export function dueFollowUps(enrolments: Enrolment[], now = new Date()): Enrolment[] {
  const since = new Date(now.getTime() - FOLLOW_UP_DAYS * 86_400_000).toISOString().slice(0, 10);
  return enrolments
    .filter((e) => RUNNING.includes(e.status) && (lastContact(e) ?? '') < since)
    .sort((a, b) => (lastContact(a) ?? a.enrolledAt).localeCompare(lastContact(b) ?? b.enrolledAt));
}

/** The advisor's day: the follow-ups due, the people they follow, and a new application. */
export function AdvisorView({ session }: { session: Session }) {
  const { t } = useLabels();
  const [state, retry] = useQuery<AdvisorData>(ADVISOR_QUERY, {}, session.token);
  if (state.kind === 'loading') return <Loading />;
  if (state.kind === 'failed') return <Failure message={state.message} retry={retry} />;
  const { me, activities } = state.data;
  if (!me)
    return (
      <main>
        <PartialNotice errors={state.errors} />
        <p className="notice error">{t('notAnAdvisor')}</p>
      </main>
    );
  const due = dueFollowUps(me.enrolments);
  const row = (e: Enrolment) => (
    <li key={e.id} data-enrolment={e.id}>
      <span className="who">
        {e.beneficiary ? <Link href={pathOf(me.regionCode, 'register', e.beneficiary.id)}>{e.beneficiary.fullName}</Link> : '—'}
        <small className="muted">
          {e.programme.name} · {t(`enrolmentStatuses.${e.status}` as 'enrolmentStatuses.APPLIED')} · {t('lastFollowUp')} {lastContact(e) ?? t('never')}
        </small>
      </span>
      {RUNNING.includes(e.status) && <FollowUpButtons enrolment={e.id} token={session.token} onSaved={retry} />}
    </li>
  );
  return (
    <main>
      <h2 className="view-title">
        {t('views.advisor')} — {me.fullName}
      </h2>
      <PartialNotice errors={state.errors} />
      <section>
        <h3>
          {t('followUpsDue')} ({due.length})
        </h3>
        <ul className="cards" data-testid="due">
          {due.map(row)}
        </ul>
        {due.length === 0 && <p className="muted">{t('nothingDue')}</p>}
      </section>
      <section>
        <h3>
          {t('myBeneficiaries')} ({me.enrolments.length})
        </h3>
        <ul className="cards" data-testid="beneficiaries">
          {me.enrolments.map(row)}
        </ul>
      </section>
      <section className="entries">
        <ApplicationForm region={me.regionCode} activities={activities ?? []} token={session.token} onSaved={retry} />
      </section>
    </main>
  );
}
