import { formatNumber, useLabels, type Lang } from '../i18n';

export interface StatusRow {
  indicatorCode: string;
  indicator?: { name: string; nameEn: string; nameAr?: string | null; unit: string } | null;
  fromYear?: number;
  toYear?: number;
  target: number | null;
  actual: number | null;
  progress: number | null;
  status: string;
  targetSource?: string | null;
}

/** An indicator's name in the user's language: Arabic or English where the catalogue has it, else French. */
export const indicatorName = (lang: Lang, row: StatusRow) =>
  (lang === 'en' ? row.indicator?.nameEn : lang === 'ar' ? (row.indicator?.nameAr ?? row.indicator?.name) : row.indicator?.name) ?? row.indicatorCode;

export function StatusBadge({ status }: { status: string }) {
  const { t } = useLabels();
  return <span className={`status status-${status}`}>{t(status as 'ACHIEVED')}</span>;
}

/** Target versus actual, one indicator a row; the rows with a target first. */
export function Scorecard({ rows }: { rows: StatusRow[] }) {
  const { t, lang } = useLabels();
  const sorted = [...rows].sort((a, b) => Number(b.target !== null) - Number(a.target !== null));
  return (
    <table className="scorecard">
      <thead>
        <tr>
          <th>{t('indicator')}</th>
          <th>{t('period')}</th>
          <th>{t('target')}</th>
          <th>{t('actual')}</th>
          <th>{t('progress')}</th>
          <th>{t('status')}</th>
          <th>{t('source')}</th>
        </tr>
      </thead>
      <tbody>
        {sorted.map((row) => (
          <tr key={`${row.indicatorCode}-${row.fromYear}-${row.toYear}`} data-indicator={row.indicatorCode}>
            <td>{indicatorName(lang, row)}</td>
            <td>{row.fromYear === row.toYear ? row.fromYear : `${row.fromYear}–${row.toYear}`}</td>
            <td className="num">{formatNumber(lang, row.target, 2)}</td>
            <td className="num">{formatNumber(lang, row.actual, 2)}</td>
            <td className="num">{row.progress === null ? '—' : `${formatNumber(lang, row.progress * 100, 0)} %`}</td>
            <td>
              <StatusBadge status={row.status} />
            </td>
            <td className="source">{row.targetSource ?? ''}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
