import { stringify } from 'csv-stringify/browser/esm/sync';
import { spreadsheetCell } from '../../../src/spreadsheet-cell';
import { formatNumber, useLabels } from '../i18n';
import type { FigureSpec } from '../views/figures';
import { Chart } from './Chart';

/**
 * A chart with its figures beside it: a table for screen readers and anyone who prefers numbers
 * (folded under the chart), and the same figures as a CSV file (UTF-8 with a byte order mark, as
 * the exports, so that spreadsheets read Arabic and accents).
 */
export function Figure({ spec }: { spec: FigureSpec }) {
  const { t, lang } = useLabels();
  const download = () => {
    const csv = stringify(
      [spec.columns, ...spec.rows].map((row) => row.map(spreadsheetCell)),
      { bom: true },
    );
    const link = document.createElement('a');
    link.href = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
    link.download = `${spec.id}.csv`;
    link.click();
    URL.revokeObjectURL(link.href);
  };
  return (
    <figure className="figure" data-figure={spec.id}>
      <figcaption>
        <h2>{spec.title}</h2>
      </figcaption>
      <Chart config={spec.config} label={spec.title} />
      <details>
        <summary>{t('figuresTable')}</summary>
        <table>
          <caption className="visually-hidden">{spec.title}</caption>
          <thead>
            <tr>
              {spec.columns.map((column) => (
                <th key={column} scope="col">
                  {column}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {spec.rows.map((row, i) => (
              <tr key={i}>
                {row.map((cell, j) =>
                  j === 0 ? (
                    <th key={j} scope="row">
                      {cell}
                    </th>
                  ) : (
                    <td key={j} className="num">
                      {typeof cell === 'number' ? formatNumber(lang, cell, 1) : (cell ?? '—')}
                    </td>
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
      <button type="button" className="csv" onClick={download}>
        {t('figuresCsv')}
      </button>
    </figure>
  );
}
