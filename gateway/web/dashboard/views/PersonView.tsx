import { useState } from 'react';
import { Link } from 'wouter';
import { Table } from '../components/Table';
import { Failure, Loading, PartialNotice } from '../components/Notices';
import { formatNumber, placeName, useLabels } from '../i18n';
import { PERSON_QUERY } from '../queries';
import { canManage, canReadContact, type Session } from '../session';
import { useQuery } from '../useQuery';
import { useMutation } from '../forms/useMutation';
import { WriteStatus } from '../forms/WriteStatus';
import { pathOf } from '../app/routes';

interface PersonData {
  autoEntrepreneur: {
    id: string;
    fullName: string;
    nationalId: string;
    status: string;
    registrationNumber: string | null;
    gender: string;
    segment: string;
    activityCategory: string;
    birthDate?: string;
    phone?: string | null;
    submittedAt: string;
    registeredAt: string | null;
    rejectedAt: string | null;
    rejectionReason: string | null;
    struckOffAt: string | null;
    struckOffReason: string | null;
    region: { code: string; name: string; nameAr: string };
    province: { name: string; nameAr: string } | null;
    activity: { code: string; label: string };
    history: Array<{ id: string; kind: string; fromStatus: string | null; toStatus: string | null; reason: string | null; at: string }>;
    declarations: Array<{ id: string; year: number; quarter: number; amount: number; tax: number }>;
    enrolments: Array<{ id: string; status: string; enrolledAt: string; programme: { code: string; name: string } }> | null;
  } | null;
}

const REGISTER = `mutation RegisterApplication($id: ID!) { registerApplication(id: $id) { id } }`;
const REJECT = `mutation RejectApplication($id: ID!, $reason: String!) { rejectApplication(id: $id, reason: $reason) { id } }`;

/** One person of the register (reading it is audited by the graph): their file, its history, their declarations and enrolments; an application waiting is registered or rejected here. */
export function PersonView({ id, scope, session }: { id: string; scope: string; session: Session }) {
  const { t, lang } = useLabels();
  const [state, retry] = useQuery<PersonData>(PERSON_QUERY, { id, contact: canReadContact(session, scope) }, session.token);
  const [write, send] = useMutation(REGISTER, session.token, retry);
  const [reason, setReason] = useState('');
  if (state.kind === 'loading') return <Loading />;
  if (state.kind === 'failed') return <Failure message={state.message} retry={retry} />;
  const person = state.data.autoEntrepreneur;
  if (!person)
    return (
      <main>
        <PartialNotice errors={state.errors} />
        <p className="notice error">{t('noSuchPerson')}</p>
      </main>
    );
  const fields: Array<[string, string | null]> = [
    [t('nationalId'), person.nationalId],
    [t('status'), t(`statuses.${person.status}` as 'statuses.SUBMITTED')],
    [t('registrationNumber'), person.registrationNumber],
    [t('region'), placeName(lang, person.region)],
    [t('province'), person.province && placeName(lang, person.province)],
    [t('activity'), `${person.activity.label} (${person.activity.code})`],
    [t('segment'), t(`segments.${person.segment}` as 'segments.OTHER')],
    [t('birthDate'), person.birthDate ?? null],
    [t('phone'), person.phone ?? null],
    [t('submittedAt'), person.submittedAt.slice(0, 10)],
    [t('registeredAt'), person.registeredAt?.slice(0, 10) ?? null],
    [t('rejectionReason'), person.rejectionReason],
  ];
  return (
    <main data-testid="person">
      <Link className="back" href={pathOf(scope, 'register')}>
        {t('backToRegister')}
      </Link>
      <h2 className="view-title">{person.fullName}</h2>
      <PartialNotice errors={state.errors} />
      <dl className="facts">
        {fields
          .filter(([, value]) => value)
          .map(([label, value]) => (
            <div key={label}>
              <dt>{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
      </dl>
      {person.status === 'SUBMITTED' && canManage(session, person.region.code) && (
        <form className="entry" data-testid="decide-form" onSubmit={(e) => e.preventDefault()}>
          <h3>{t('decide')}</h3>
          <button type="button" data-testid="register-application" disabled={write.kind === 'sending'} onClick={() => void send({ id })}>
            {t('registerApplication')}
          </button>
          <label>
            {t('rejectionReason')}
            <input name="reason" value={reason} onChange={(e) => setReason(e.target.value)} />
          </label>
          <button type="button" disabled={write.kind === 'sending'} onClick={() => void send({ id, reason }, REJECT)}>
            {t('rejectApplication')}
          </button>
          <WriteStatus state={write} />
        </form>
      )}
      <h3>{t('fileHistory')}</h3>
      <Table columns={[t('date'), t('kind'), t('status'), t('reasonColumn')]}>
        {person.history.map((h) => (
          <tr key={h.id}>
            <td>{h.at.slice(0, 10)}</td>
            <td>{h.kind}</td>
            <td>{h.toStatus ? t(`statuses.${h.toStatus}` as 'statuses.SUBMITTED') : ''}</td>
            <td>{h.reason ?? ''}</td>
          </tr>
        ))}
      </Table>
      {person.declarations.length > 0 && (
        <>
          <h3>{t('declarations')}</h3>
          <Table columns={[t('period'), t('turnover'), t('tax')]}>
            {person.declarations.map((d) => (
              <tr key={d.id}>
                <td>
                  {d.year} T{d.quarter}
                </td>
                <td className="num">{formatNumber(lang, d.amount)}</td>
                <td className="num">{formatNumber(lang, d.tax)}</td>
              </tr>
            ))}
          </Table>
        </>
      )}
      {person.enrolments && person.enrolments.length > 0 && (
        <>
          <h3>{t('enrolments')}</h3>
          <ul>
            {person.enrolments.map((e) => (
              <li key={e.id}>
                {e.programme.name} — {t(`enrolmentStatuses.${e.status}` as 'enrolmentStatuses.APPLIED')} ({e.enrolledAt.slice(0, 10)})
              </li>
            ))}
          </ul>
        </>
      )}
    </main>
  );
}
