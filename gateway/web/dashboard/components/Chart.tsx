import { useEffect, useRef } from 'react';
import { Chart as ChartJs, registerables, type ChartConfiguration } from 'chart.js';

ChartJs.register(...registerables);

/** A Chart.js chart on its own canvas, rebuilt when its configuration changes. */
export function Chart({ config, label }: { config: ChartConfiguration; label: string }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (!canvas.current) return;
    const chart = new ChartJs(canvas.current, { ...config, options: { animation: false, maintainAspectRatio: false, ...config.options } });
    return () => chart.destroy();
  }, [config]);
  return (
    <div className="chart">
      <canvas ref={canvas} role="img" aria-label={label} />
    </div>
  );
}
