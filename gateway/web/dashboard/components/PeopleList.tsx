import { useEffect, useState } from 'react';
import { Link } from 'wouter';
import { graphql } from '../api';
import { formatNumber, useLabels } from '../i18n';
import { PEOPLE_QUERY } from '../queries';
import { pathOf } from '../app/routes';
import { Failure } from './Notices';
import { Table } from './Table';

export const STATUSES = ['SUBMITTED', 'REGISTERED', 'REJECTED', 'STRUCK_OFF'] as const;

interface Person {
  id: string;
  fullName: string;
  nationalId: string;
  status: string;
  registrationNumber: string | null;
  submittedAt: string;
  registeredAt: string | null;
  region: { code: string };
  activity: { label: string };
}
interface Page {
  autoEntrepreneurs: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: Array<{ node: Person }> };
}

/** Waits until the user stops typing before searching: each search is audited, one per word typed is enough. */
function useSettled(value: string, ms = 350): string {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

/**
 * The people of a region's register (or the nation's), found by part of a name, a CIN or an RNAE
 * number, or by status (the applications waiting); 20 at a time, the next page by its cursor.
 * CINs are shown as the graph answers them: masked for a council.
 */
export function PeopleList({ region, token, status: initialStatus = '' }: { region: string | null; token: string | null; status?: string }) {
  const { t, lang } = useLabels();
  const [typed, setTyped] = useState('');
  const [status, setStatus] = useState(initialStatus);
  const search = useSettled(typed.trim());
  const [rows, setRows] = useState<Person[]>([]);
  const [page, setPage] = useState<{ total: number; next: string | null } | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);

  const load = async (after: string | null) => {
    const variables = { region, search: search.length >= 2 ? search : null, status: status || null, after };
    const { data, errors } = await graphql<Page>(PEOPLE_QUERY, variables, token);
    if (!data) throw new Error(errors.map((e) => e.message).join(' ; ') || 'no data');
    return data.autoEntrepreneurs;
  };
  useEffect(() => {
    let current = true;
    setFailure(null);
    load(null).then(
      (found) => {
        if (!current) return;
        setRows(found.edges.map((e) => e.node));
        setPage({ total: found.totalCount, next: found.pageInfo.hasNextPage ? found.pageInfo.endCursor : null });
      },
      (error: Error) => current && setFailure(error.message),
    );
    return () => {
      current = false;
    };
    // The list restarts when what is asked changes.
  }, [region, search, status, token, attempt]);
  const more = async () => {
    const found = await load(page?.next ?? null).catch((error: Error) => (setFailure(error.message), null));
    if (!found) return;
    setRows((seen) => [...seen, ...found.edges.map((e) => e.node)]);
    setPage({ total: found.totalCount, next: found.pageInfo.hasNextPage ? found.pageInfo.endCursor : null });
  };

  return (
    <section className="people">
      <div className="filters">
        <label>
          {t('searchPeople')}{' '}
          <input type="search" name="search" value={typed} onChange={(e) => setTyped(e.target.value)} placeholder={t('searchHint')} autoComplete="off" />
        </label>
        <label>
          {t('status')}{' '}
          <select name="status" value={status} onChange={(e) => setStatus(e.target.value)}>
            <option value="">{t('allStatuses')}</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`statuses.${s}`)}
              </option>
            ))}
          </select>
        </label>
        {page && (
          <span className="muted" data-testid="people-count">
            {formatNumber(lang, page.total)} {t('found')}
          </span>
        )}
      </div>
      {failure && <Failure message={failure} retry={() => setAttempt((n) => n + 1)} />}
      <Table columns={[t('name'), t('nationalId'), t('status'), t('date'), t('activity')]} testid="people">
        {rows.map((p) => (
          <tr key={p.id}>
            <td>
              <Link href={pathOf(p.region.code, 'register', p.id)}>{p.fullName}</Link>
            </td>
            <td>{p.nationalId}</td>
            <td>{t(`statuses.${p.status}` as 'statuses.SUBMITTED')}</td>
            <td>{(p.registeredAt ?? p.submittedAt).slice(0, 10)}</td>
            <td>{p.activity.label}</td>
          </tr>
        ))}
      </Table>
      {page?.next && (
        <button type="button" onClick={() => void more()} data-testid="more">
          {t('more')}
        </button>
      )}
    </section>
  );
}
