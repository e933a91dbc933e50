// Scans per venue-local hour as a uPlot bar chart: admitted and refused side by
// side, 0–23 h, redrawn when the numbers change and resized with its box.
// uPlot draws on a canvas, so the numbers are also in the table next to it.
import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { hourlySeries, type DayTallies } from '../../core/tally';

interface Props {
  tallies: DayTallies;
  labels: { accepted: string; rejected: string; aria: string };
}

const COLORS = { accepted: '#0b7a35', rejected: '#b3231b' };

export function HourlyChart({ tallies, labels }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const s = hourlySeries(tallies);
  // The plotted numbers, as the effect's one dependency: a redraw only when they change.
  const key = JSON.stringify([s.accepted, s.rejected]);

  useEffect(() => {
    const el = box.current;
    if (!el) return undefined;
    const [accepted, rejected] = JSON.parse(key) as [number[], number[]];
    const hours = accepted.map((_, h) => h);
    const bars = (align: -1 | 1) => uPlot.paths.bars!({ size: [0.4, 40], align, gap: 1 });
    const opts: uPlot.Options = {
      width: Math.max(320, el.clientWidth),
      height: Math.max(180, el.clientHeight - 8),
      legend: { show: false },
      cursor: { show: false },
      scales: { x: { time: false, range: [-0.6, 23.6] }, y: { range: (_u, _min, max) => [0, Math.max(5, Math.ceil(max * 1.1))] } },
      axes: [
        { values: (_u, splits) => splits.map((v) => (Number.isInteger(v) && v >= 0 && v < 24 ? String(v).padStart(2, '0') : '')), incrs: [1, 2, 3, 6], font: '14px sans-serif' },
        { font: '14px sans-serif', size: 50 },
      ],
      series: [
        {},
        { fill: COLORS.accepted, width: 0, paths: bars(-1), points: { show: false } },
        { fill: COLORS.rejected, width: 0, paths: bars(1), points: { show: false } },
      ],
    };
    const plot = new uPlot(opts, [hours, accepted, rejected], el);
    const resize = new ResizeObserver(() => plot.setSize({ width: Math.max(320, el.clientWidth), height: Math.max(180, el.clientHeight - 8) }));
    resize.observe(el);
    return () => {
      resize.disconnect();
      plot.destroy();
    };
  }, [key]);

  return (
    <figure className="chart" data-testid="hourly-chart" data-scans={s.scans.join(',')}>
      <div className="chart__plot" ref={box} role="img" aria-label={labels.aria} />
      <figcaption className="chart__legend">
        <span><i style={{ background: COLORS.accepted }} />{labels.accepted}</span>
        <span><i style={{ background: COLORS.rejected }} />{labels.rejected}</span>
      </figcaption>
    </figure>
  );
}
