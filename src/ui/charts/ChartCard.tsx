/**
 * A chart's frame: title, explanation, and its point count in data-points (for tests and screen
 * readers). The chart stays mounted while empty (mounting a recharts chart costs far more than updating
 * one), under a "no data yet" veil.
 */
import { useRef, type ReactNode } from 'react';
import { downloadChartPng, downloadChartSvg } from '../../services/exportResults.ts';

export function ChartCard({ id, title, hint, points, children, wide }: { id: string; title: string; hint?: string; points: number; children: ReactNode; wide?: boolean }) {
  const card = useRef<HTMLElement>(null);
  const svg = () => card.current?.querySelector<SVGSVGElement>('svg.recharts-surface') ?? null;
  const name = id.replaceAll('.', '-');
  return (
    <section ref={card} className={`card${wide ? ' wide' : ''}`} data-testid={id} data-points={points} aria-label={`${title}: ${points} data points`}>
      <div className="card-head">
        <h3>{title}</h3>
        {points > 0 && (
          <span className="chart-export">
            <button type="button" className="small" data-testid={`${id}.svg`} aria-label={`${title} as SVG`} onClick={() => { const s = svg(); if (s) downloadChartSvg(s, name); }}>
              SVG
            </button>
            <button type="button" className="small" data-testid={`${id}.png`} aria-label={`${title} as PNG`} onClick={() => { const s = svg(); if (s) void downloadChartPng(s, name); }}>
              PNG
            </button>
          </span>
        )}
      </div>
      {hint && <p className="hint">{hint}</p>}
      <div className="plot-area">
        {children}
        {points === 0 && <div className="empty">no data yet</div>}
      </div>
    </section>
  );
}

export interface LegendItem {
  name: string;
  colour: string;
  dash?: string | undefined;
}

/** The legend as plain HTML beside the chart: recharts' own legend measures itself on every render. */
export function SeriesLegend({ items }: { items: readonly LegendItem[] }) {
  return (
    <ul className="legend">
      {items.map((i) => (
        <li key={i.name}>
          <svg width="18" height="8" aria-hidden="true">
            <line x1="0" y1="4" x2="18" y2="4" stroke={i.colour} strokeWidth="2" strokeDasharray={i.dash} />
          </svg>
          {i.name}
        </li>
      ))}
    </ul>
  );
}
