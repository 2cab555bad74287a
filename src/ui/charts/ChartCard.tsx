/**
 * A chart's frame: a figure named by its title (h3), its explanation as the description, and its point
 * count in data-points (for tests). The chart stays mounted while empty (mounting a recharts chart costs
 * far more than updating one), under a veil that says why it is empty ("no data yet" unless told). The plots inside carry their numbers as tables.
 */
import { useRef, type ReactNode } from 'react';
import { Symbols } from 'recharts';
import type { Marker } from './colors.ts';
import { downloadChartPng, downloadChartSvg } from '../../services/exportResults.ts';

export function ChartCard({ id, title, hint, points, children, wide, empty = 'no data yet' }: { id: string; title: string; hint?: string; points: number; children: ReactNode; wide?: boolean; empty?: string }) {
  const card = useRef<HTMLElement>(null);
  const svg = () => card.current?.querySelector<SVGSVGElement>('svg.recharts-surface') ?? null;
  const name = id.replaceAll('.', '-');
  return (
    <figure ref={card} className={`card${wide ? ' wide' : ''}`} data-testid={id} data-points={points} aria-labelledby={`${name}-title`} aria-describedby={hint ? `${name}-hint` : undefined}>
      <div className="card-head">
        <h3 id={`${name}-title`}>{title}</h3>
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
      {hint && <p className="hint" id={`${name}-hint`}>{hint}</p>}
      <div className="plot-area">
        {children}
        {points === 0 && <div className="empty">{empty}</div>}
      </div>
    </figure>
  );
}

export interface LegendItem {
  name: string;
  colour: string;
  dash?: string | undefined;
  /** A scatter's marker shape instead of a line sample. */
  marker?: Marker | undefined;
}

/** The legend as plain HTML beside the chart: recharts' own legend measures itself on every render. */
export function SeriesLegend({ items }: { items: readonly LegendItem[] }) {
  return (
    <ul className="legend" aria-label="legend">
      {items.map((i) => (
        <li key={i.name}>
          {i.marker ? (
            <svg width="12" height="12" aria-hidden="true">
              <Symbols cx={6} cy={6} type={i.marker} size={50} fill={i.colour} />
            </svg>
          ) : (
            <svg width="26" height="8" aria-hidden="true">
              <line x1="0" y1="4" x2="26" y2="4" stroke={i.colour} strokeWidth="2" strokeDasharray={i.dash} />
            </svg>
          )}
          {i.name}
        </li>
      ))}
    </ul>
  );
}
