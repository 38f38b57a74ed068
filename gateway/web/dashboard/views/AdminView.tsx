import { Failure, Loading } from '../components/Notices';
import { PeopleList } from '../components/PeopleList';
import { Table } from '../components/Table';
import { ScopeTitle } from '../components/ScopeTitle';
import { ApiKeyForm } from '../forms/ApiKeyForm';
import { ImportForm } from '../forms/ImportForm';
import { useMutation } from '../forms/useMutation';
import { WriteStatus } from '../forms/WriteStatus';
import { useLabels } from '../i18n';
import { API_KEYS_QUERY } from '../queries';
import type { Session } from '../session';
import { useQuery } from '../useQuery';

interface ApiKeyRow {
  id: string;
  name: string;
  owner: string;
  partnerCode: string | null;
  scopes: string[];
  ratePerMinute: number | null;
  prefix: string;
  createdAt: string;
  revokedAt: string | null;
}

const REVOKE = `mutation RevokeApiKey($id: ID!, $reason: String!) { revokeApiKey(id: $id, reason: $reason) { id } }`;

/**
 * The national office's administration: the applications waiting in the whole register (each
 * opened to register or reject it), partner API keys (issued, listed, revoked), and files of
 * applications imported (uploaded here, or on the server by a command).
 */
export function AdminView({ session }: { session: Session }) {
  const { t } = useLabels();
  const [keys, retry] = useQuery<{ apiKeys: ApiKeyRow[] }>(API_KEYS_QUERY, {}, session.token);
  const [revoking, revoke] = useMutation(REVOKE, session.token, retry);
  return (
    <main>
      <ScopeTitle view={t('views.admin')} />
      <h3>{t('pendingApplications')}</h3>
      <PeopleList region={null} token={session.token} status="SUBMITTED" />
      <h3>{t('apiKeys')}</h3>
      {keys.kind === 'loading' && <Loading />}
      {keys.kind === 'failed' && <Failure message={keys.message} retry={retry} />}
      {keys.kind === 'done' && (
        <Table columns={[t('keyName'), t('keyOwner'), t('keyPrefix'), t('date'), t('status')]} testid="api-keys">
          {keys.data.apiKeys.map((key) => (
            <tr key={key.id} data-key={key.id}>
              <td>{key.name}</td>
              <td>{key.owner}</td>
              <td>
                <code>{key.prefix}…</code>
              </td>
              <td>{key.createdAt.slice(0, 10)}</td>
              <td>
                {key.revokedAt ? (
                  `${t('revoked')} ${key.revokedAt.slice(0, 10)}`
                ) : (
                  <button type="button" onClick={() => void revoke({ id: key.id, reason: t('revokedFromDashboard') })}>
                    {t('revoke')}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </Table>
      )}
      <WriteStatus state={revoking} />
      <section className="entries">
        <ApiKeyForm token={session.token} onSaved={retry} />
      </section>
      <h3>{t('imports')}</h3>
      <section className="entries">
        <ImportForm token={session.token} />
      </section>
      <p className="muted">
        {t('importsHelp')} <code>npm run import -- applications.csv --rejects rejects.csv</code>
      </p>
    </main>
  );
}
