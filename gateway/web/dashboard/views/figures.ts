import type { ChartConfiguration } from 'chart.js';
import type { TFunction } from 'i18next';

/** A chart with its figures: the same numbers drawn, given as a table (screen readers) and as a CSV file. */
export interface FigureSpec {
  id: string;
  title: string;
  config: ChartConfiguration;
  columns: string[];
  rows: Array<Array<string | number | null>>;
}

export interface YearFigures {
  year: number;
  applications: number;
  registered: number;
  women: number;
  struckOff: number;
  turnover: number;
  taxContribution: number;
}

export interface Breakdown {
  key: string;
  registered: number;
  women: number;
}

export interface HistoryPoint {
  day: string;
  target: number | null;
  actual: number | null;
}

export interface CommitmentRow {
  convention: string;
  label: string;
  target: number;
  actual: number | null;
  progress: number | null;
}

const GREEN = '#006233';
const RED = '#c1272d';
const OCHRE = '#8a6d3b';
const BLUE = '#1f5fa8';
const line = (label: string, data: Array<number | null>, colour: string, dashed = false) => ({
  label,
  data,
  borderColor: colour,
  backgroundColor: colour,
  ...(dashed ? { borderDash: [6, 4], pointRadius: 0 } : {}),
});

/** Applications, registrations and strike-offs per year. */
export function registrationsFigure(years: YearFigures[], t: TFunction): FigureSpec {
  return {
    id: 'registrations',
    title: t('registrationsAndStrikeOffs'),
    config: {
      type: 'line',
      data: {
        labels: years.map((y) => String(y.year)),
        datasets: [
          line(
            t('applications'),
            years.map((y) => y.applications),
            OCHRE,
          ),
          line(
            t('registered'),
            years.map((y) => y.registered),
            GREEN,
          ),
          line(
            t('strikeOffs'),
            years.map((y) => y.struckOff),
            RED,
          ),
        ],
      },
    },
    columns: [t('yearColumn'), t('applications'), t('registered'), t('strikeOffs')],
    rows: years.map((y) => [y.year, y.applications, y.registered, y.struckOff]),
  };
}

/** Women's share of each year's registrations, in per cent. */
export function womenFigure(years: YearFigures[], t: TFunction): FigureSpec {
  const share = (y: YearFigures) => (y.registered > 0 ? Math.round((1000 * y.women) / y.registered) / 10 : null);
  return {
    id: 'women',
    title: t('womenOverTime'),
    config: {
      type: 'line',
      data: { labels: years.map((y) => String(y.year)), datasets: [line(`${t('womenShare')} (%)`, years.map(share), RED)] },
      options: { scales: { y: { min: 0, max: 100 } } },
    },
    columns: [t('yearColumn'), t('women'), t('registered'), `${t('womenShare')} (%)`],
    rows: years.map((y) => [y.year, y.women, y.registered, share(y)]),
  };
}

/** Declared turnover and its tax per year. */
export function turnoverFigure(years: YearFigures[], t: TFunction): FigureSpec {
  const declared = years.filter((y) => y.turnover > 0);
  return {
    id: 'turnover',
    title: t('turnoverTax'),
    config: {
      type: 'bar',
      data: {
        labels: declared.map((y) => String(y.year)),
        datasets: [
          { label: t('turnover'), data: declared.map((y) => Math.round(y.turnover)), backgroundColor: GREEN },
          { label: t('tax'), data: declared.map((y) => Math.round(y.taxContribution)), backgroundColor: OCHRE },
        ],
      },
    },
    columns: [t('yearColumn'), t('turnover'), t('tax')],
    rows: declared.map((y) => [y.year, Math.round(y.turnover), Math.round(y.taxContribution)]),
  };
}

/** Registrations by population segment or by activity category, with the women among them. */
export function breakdownFigure(kind: 'segments' | 'categories', rows: Breakdown[], t: TFunction): FigureSpec {
  const name = (key: string) => t(`${kind}.${key}` as 'segments.OTHER');
  const sorted = [...rows].sort((a, b) => b.registered - a.registered);
  return {
    id: kind,
    title: t(kind === 'segments' ? 'bySegment' : 'byCategory'),
    config: {
      type: 'bar',
      data: {
        labels: sorted.map((r) => name(r.key)),
        datasets: [
          { label: t('registered'), data: sorted.map((r) => r.registered), backgroundColor: GREEN },
          { label: t('women'), data: sorted.map((r) => r.women), backgroundColor: RED },
        ],
      },
      options: { indexAxis: 'y' },
    },
    columns: [t(kind === 'segments' ? 'segment' : 'category'), t('registered'), t('women')],
    rows: sorted.map((r) => [name(r.key), r.registered, r.women]),
  };
}

/** An indicator's recorded actuals day by day, against its target line. */
export function historyFigure(indicator: string, points: HistoryPoint[], t: TFunction): FigureSpec {
  return {
    id: 'history',
    title: `${t('history')} — ${indicator}`,
    config: {
      type: 'line',
      data: {
        labels: points.map((p) => p.day),
        datasets: [
          line(
            t('actual'),
            points.map((p) => p.actual),
            GREEN,
          ),
          line(
            t('target'),
            points.map((p) => p.target),
            RED,
            true,
          ),
        ],
      },
    },
    columns: [t('day'), t('target'), t('actual')],
    rows: points.map((p) => [p.day, p.target, p.actual]),
  };
}

/** Each commitment of the region's conventions: its progress to the target that measures it, in per cent. */
export function commitmentsFigure(rows: CommitmentRow[], t: TFunction): FigureSpec {
  const percent = (r: CommitmentRow) => (r.progress === null ? null : Math.round(r.progress * 1000) / 10);
  return {
    id: 'commitments',
    title: t('commitments'),
    config: {
      type: 'bar',
      data: {
        labels: rows.map((r) => r.label),
        datasets: [{ label: `${t('progress')} (%)`, data: rows.map(percent), backgroundColor: rows.map((r) => ((r.progress ?? 0) >= 1 ? GREEN : BLUE)) }],
      },
      options: { indexAxis: 'y', scales: { x: { min: 0, suggestedMax: 100 } }, plugins: { legend: { display: false } } },
    },
    columns: [t('convention'), t('commitment'), t('target'), t('actual'), `${t('progress')} (%)`],
    rows: rows.map((r) => [r.convention, r.label, r.target, r.actual, percent(r)]),
  };
}

/** Registered people by region (pilot regions in red), each region named in the user's language. */
export function regionsFigure(regions: Array<{ name: string; isPilot: boolean; registered: number | null }>, t: TFunction): FigureSpec {
  return {
    id: 'regions',
    title: t('byRegion'),
    config: {
      type: 'bar',
      data: {
        labels: regions.map((r) => r.name),
        datasets: [{ label: t('registered'), data: regions.map((r) => r.registered ?? 0), backgroundColor: regions.map((r) => (r.isPilot ? RED : GREEN)) }],
      },
      options: { indexAxis: 'y', plugins: { legend: { display: false } } },
    },
    columns: [t('region'), t('registered')],
    rows: regions.map((r) => [r.name, r.registered]),
  };
}

/** Beneficiaries of each programme in a region, with the women among them. */
export function beneficiariesFigure(stats: Array<{ programme: { name: string }; beneficiaries: number; women: number }>, t: TFunction): FigureSpec {
  return {
    id: 'beneficiaries',
    title: t('beneficiaries'),
    config: {
      type: 'bar',
      data: {
        labels: stats.map((s) => s.programme.name),
        datasets: [{ label: t('beneficiaries'), data: stats.map((s) => s.beneficiaries), backgroundColor: GREEN }],
      },
      options: { indexAxis: 'y', plugins: { legend: { display: false } } },
    },
    columns: [t('programme'), t('beneficiaries'), t('women')],
    rows: stats.map((s) => [s.programme.name, s.beneficiaries, s.women]),
  };
}
