// The day's scans per venue-local hour as an SVG bar chart: admitted entries
// (solid) over every other scan (light). Plain SVG: 24 bars need no chart
// library, print sharply, and obey the console's CSP (no inline styles).
import { useTranslation } from 'react-i18next';
import type { TalliesResponse } from '../../core/protocol';

const W = 960;
const H = 220;
const PAD = { left: 44, right: 8, top: 12, bottom: 28 };

export function HourChart({ byHour }: { byHour: TalliesResponse['byHour'] }) {
  const { t } = useTranslation();
  const hours = Array.from({ length: 24 }, (_, h) => byHour.find((x) => x.hour === h));
  const max = Math.max(1, ...hours.map((h) => h?.scans ?? 0));
  const step = Math.pow(10, Math.floor(Math.log10(max)));
  const top = Math.ceil(max / step) * step;
  const bw = (W - PAD.left - PAD.right) / 24;
  const y = (n: number) => PAD.top + (H - PAD.top - PAD.bottom) * (1 - n / top);
  const ticks = [0, top / 2, top];
  return (
    <figure className="chart" data-testid="hour-chart">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={t('reports.chartLabel')}>
        {ticks.map((v) => (
          <g key={v}>
            <line x1={PAD.left} x2={W - PAD.right} y1={y(v)} y2={y(v)} className="grid" />
            <text x={PAD.left - 6} y={y(v) + 4} className="axis" textAnchor="end">
              {v}
            </text>
          </g>
        ))}
        {hours.map((h, i) => {
          const x = PAD.left + i * bw + 2;
          const scans = h?.scans ?? 0;
          const accepted = h ? h.accepted : 0;
          return (
            <g key={i} data-hour={i} data-scans={scans}>
              <title>{t('reports.hourTip', { hour: String(i).padStart(2, '0'), scans, accepted })}</title>
              <rect x={x} width={bw - 4} y={y(scans)} height={y(0) - y(scans)} className="bar-all" />
              <rect x={x} width={bw - 4} y={y(accepted)} height={y(0) - y(accepted)} className="bar-accepted" />
              {i % 2 === 0 && (
                <text x={x + (bw - 4) / 2} y={H - 10} className="axis" textAnchor="middle">
                  {String(i).padStart(2, '0')}
                </text>
              )}
            </g>
          );
        })}
      </svg>
      <figcaption>
        <span className="key key-accepted" /> {t('reports.keyAccepted')} <span className="key key-all" /> {t('reports.keyOther')}
      </figcaption>
    </figure>
  );
}
