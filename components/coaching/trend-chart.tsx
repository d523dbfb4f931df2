import { useEffect, useId, useRef, useState } from 'react';
import 'chartist/dist/index.css';
import { percent } from './format';

export interface TrendSeries {
  label: string;
  /** One value per week, a share between 0 and 1; null for a week with nothing to count. */
  values: (number | null)[];
}

export interface TrendChartProps {
  title: string;
  /** Week labels ("3 Mar"), oldest first. */
  weeks: string[];
  series: TrendSeries[];
}

/** Chartist loads once, after the first report shows: the numbers and their tables never wait for it. */
let chartist: Promise<typeof import('chartist')> | null = null;

/**
 * Weekly rates as lines (Chartist draws SVG). The drawing is hidden from assistive technology;
 * the same numbers are a table below it, read out always and shown on request.
 */
export function TrendChart({ title, weeks, series }: TrendChartProps) {
  const chartRef = useRef<HTMLDivElement>(null);
  const headingId = useId();
  const [tableShown, setTableShown] = useState(false);

  useEffect(() => {
    let detached = false;
    let chart: { detach(): void } | null = null;
    chartist ??= import('chartist');
    chartist.then(
      ({ LineChart }) => {
        if (detached || !chartRef.current) return;
        chart = new LineChart(
          chartRef.current,
          { labels: weeks, series: series.map((s) => s.values.map((v) => (v === null ? null : Math.round(v * 100)))) },
          {
            low: 0,
            high: 100,
            fullWidth: true,
            lineSmooth: false,
            chartPadding: { right: 24 },
            axisY: { onlyInteger: true, labelInterpolationFnc: (value) => `${value}%` },
          },
        );
      },
      () => {
        // Without the drawing, the table below still holds every number; the next chart tries again.
        chartist = null;
      },
    );
    return () => {
      detached = true;
      chart?.detach();
    };
  }, [weeks, series]);

  return (
    <figure className="trend" aria-labelledby={headingId}>
      <figcaption id={headingId} className="trend-title">
        {title}
      </figcaption>
      <ul className="trend-legend" aria-hidden="true">
        {series.map((s, index) => (
          <li key={s.label}>
            <span className={`trend-swatch trend-swatch-${String.fromCharCode(97 + index)}`} />
            {s.label}
          </li>
        ))}
      </ul>
      <div ref={chartRef} className="trend-chart" aria-hidden="true" />
      <button type="button" className="button-link" aria-expanded={tableShown} onClick={() => setTableShown((v) => !v)}>
        {tableShown ? 'Hide the table' : 'Show as a table'}
      </button>
      <table className={tableShown ? 'trend-table' : 'trend-table visually-hidden'}>
        <caption>{title}, by week</caption>
        <thead>
          <tr>
            <th scope="col">Week of</th>
            {series.map((s) => (
              <th scope="col" key={s.label}>
                {s.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {weeks.map((week, index) => (
            <tr key={week}>
              <th scope="row">{week}</th>
              {series.map((s) => (
                <td key={s.label}>{percent(s.values[index])}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
