import { useState } from 'react';
import { useLabels } from '../i18n';
import { authorizationOf } from '../session';

/**
 * Downloads a list as the gateway's CSV export (/export/<list>.csv) with the session's token, so
 * the file holds what this caller may read; the browser saves it under the gateway's file name.
 */
export function ExportButton({ list, params, token }: { list: string; params: Record<string, string | number>; token: string | null }) {
  const { t } = useLabels();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const download = async () => {
    setBusy(true);
    setError(null);
    try {
      const query = new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)]));
      const response = await fetch(`/export/${list}.csv?${query}`, { headers: token ? { authorization: authorizationOf(token) } : {} });
      if (!response.ok) {
        const body = (await response.json().catch(() => null)) as { errors?: Array<{ message: string }> } | null;
        throw new Error(body?.errors?.[0]?.message ?? `HTTP ${response.status}`);
      }
      const name = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? `${list}.csv`;
      const link = document.createElement('a');
      link.href = URL.createObjectURL(await response.blob());
      link.download = name;
      link.click();
      setTimeout(() => URL.revokeObjectURL(link.href), 60_000);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <span className="export">
      <button type="button" data-export={list} onClick={() => void download()} disabled={busy}>
        {busy ? t('exporting') : `${t('exportCsv')} — ${list}`}
      </button>
      {error && <span className="notice error">{error}</span>}
    </span>
  );
}
