import { useEffect, useRef } from 'react';
import { Chart as ChartJs, registerables, type ChartConfiguration } from 'chart.js';
import { localeOf, useLabels } from '../i18n';

ChartJs.register(...registerables);

/**
 * A Chart.js chart on its own canvas, rebuilt when its configuration or the language changes. In
 * Arabic the chart reads right to left: legends and tooltips in RTL, the category axis reversed
 * and the value axis on the right, numbers in the ar-MA format.
 */
export function Chart({ config, label }: { config: ChartConfiguration; label: string }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const { lang, rtl } = useLabels();
  useEffect(() => {
    if (!canvas.current) return;
    // The options of any chart type: only the parts every type has (plugins, x and y scales) are touched.
    type Part = Record<string, unknown>;
    const options = (config.options ?? {}) as Part & { plugins?: Record<string, Part>; scales?: Record<string, Part> };
    const scales = options.scales ?? {};
    const chart = new ChartJs(canvas.current, {
      ...config,
      options: {
        animation: false,
        maintainAspectRatio: false,
        ...options,
        locale: localeOf(lang),
        plugins: {
          ...options.plugins,
          legend: { ...options.plugins?.legend, rtl, textDirection: rtl ? 'rtl' : 'ltr' },
          tooltip: { ...options.plugins?.tooltip, rtl, textDirection: rtl ? 'rtl' : 'ltr' },
        },
        scales: rtl
          ? {
              ...scales,
              x: { ...scales.x, reverse: true },
              y: { ...scales.y, position: 'right' },
            }
          : scales,
      },
    } as ChartConfiguration);
    return () => chart.destroy();
  }, [config, lang, rtl]);
  return (
    <div className="chart">
      <canvas ref={canvas} role="img" aria-label={label} />
    </div>
  );
}
