import { useState, type FormEvent } from 'react';
import { formatNumber, useLabels } from '../i18n';
import { authorizationOf } from '../session';
import { Table } from '../components/Table';

interface ImportSummary {
  rows: number;
  imported: number;
  alreadyImported: number;
  rejected: number;
  rejects: Array<{ line: number; reason: string }>;
}

/** The national office uploads a file of applications (POST /import/applications.csv): what was imported, what was there already, each refusal by line. */
export function ImportForm({ token }: { token: string | null }) {
  const { t, lang } = useLabels();
  const [file, setFile] = useState<File | null>(null);
  const [state, setState] = useState<{ kind: 'idle' | 'sending' } | { kind: 'done'; summary: ImportSummary } | { kind: 'failed'; message: string }>({
    kind: 'idle',
  });
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!file) return;
    setState({ kind: 'sending' });
    try {
      const response = await fetch(`/import/applications.csv?source=${encodeURIComponent(file.name)}`, {
        method: 'POST',
        headers: { 'content-type': 'text/csv', ...(token ? { authorization: authorizationOf(token) } : {}) },
        body: file,
      });
      const body = (await response.json()) as ImportSummary & { errors?: Array<{ message: string }> };
      setState(response.ok ? { kind: 'done', summary: body } : { kind: 'failed', message: body.errors?.[0]?.message ?? `HTTP ${response.status}` });
    } catch (error) {
      setState({ kind: 'failed', message: String(error) });
    }
  };
  return (
    <form className="entry" data-testid="import-form" onSubmit={(e) => void submit(e)}>
      <h3>{t('importFile')}</h3>
      <label>
        {t('importFileLabel')}
        <input type="file" name="file" accept=".csv,text/csv" onChange={(e) => setFile(e.target.files?.[0] ?? null)} required />
      </label>
      <button type="submit" disabled={state.kind === 'sending' || !file}>
        {state.kind === 'sending' ? t('saving') : t('importAction')}
      </button>
      {state.kind === 'failed' && (
        <p className="notice error" role="alert">
          {state.message}
        </p>
      )}
      {state.kind === 'done' && (
        <div className="notice saved" role="status" data-testid="import-summary">
          {formatNumber(lang, state.summary.rows)} {t('importRows')} : {formatNumber(lang, state.summary.imported)} {t('importImported')},{' '}
          {formatNumber(lang, state.summary.alreadyImported)} {t('importAlready')}, {formatNumber(lang, state.summary.rejected)} {t('importRejected')}.
        </div>
      )}
      {state.kind === 'done' && state.summary.rejects.length > 0 && (
        <Table columns={[t('importLine'), t('reasonColumn')]} testid="import-rejects">
          {state.summary.rejects.map((r) => (
            <tr key={r.line}>
              <td className="num">{r.line}</td>
              <td>{r.reason}</td>
            </tr>
          ))}
        </Table>
      )}
    </form>
  );
}
