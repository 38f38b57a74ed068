import type { ChartConfiguration } from 'chart.js';
import type { Labels } from '../i18n';

export interface YearFigures {
  year: number;
  applications: number;
  registered: number;
  women: number;
}

/** Applications and registrations per year, as a line chart. */
export function timelineChart(years: YearFigures[], t: Labels): ChartConfiguration {
  return {
    type: 'line',
    data: {
      labels: years.map((y) => String(y.year)),
      datasets: [
        { label: t.applications, data: years.map((y) => y.applications), borderColor: '#8a6d3b', backgroundColor: '#8a6d3b' },
        { label: t.registered, data: years.map((y) => y.registered), borderColor: '#006233', backgroundColor: '#006233' },
      ],
    },
  };
}
