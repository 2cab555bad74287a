/**
 * The lab's line chart: recharts with no animation, no in-chart legend, ticks computed here and drawn as
 * plain text. Built so that a data update costs recharts as little as it can (a redraw runs as one
 * synchronous cascade of store dispatches, so its cost is the task's length):
 * - the chart root does not re-render with the data (a root re-render dispatches the chart's options and
 *   its data twice, each a full pass over the chart's selectors); the data reaches the lines through a
 *   context, as item-level data;
 * - the tooltip mounts when the pointer first reaches the chart (useWhenPointed); points get no dots;
 * - axes get ticks and domains that keep their identity while their values are unchanged, so they are not
 *   re-registered on every update;
 * - the plot catches up in its own turn (useStaggered), one chart at a time, and not while it is scrolled
 *   out of view during a run (useOffscreenHold).
 */
import { createContext, memo, useContext, useMemo } from 'react';
import { CartesianGrid, Line, LineChart, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import { ends, extent, niceTicks, thin } from './axes.ts';
import { CoincideNote } from './CoincideNote.tsx';
import type { Row } from './data.ts';
import { PlotNumbers } from './PlotNumbers.tsx';
import { xTick, yTick } from './PlainTick.tsx';
import { axisWidth, tickFormatter, type AxisUnit } from './ticks.ts';
import { useOffscreenHold } from './useOffscreenHold.ts';
import { useStaggered } from './useStaggered.ts';
import { useSameValues } from './useSameValues.ts';
import { useWhenPointed } from './useWhenPointed.ts';

export interface SeriesSpec {
  key: string;
  name: string;
  colour: string;
  dash?: string | undefined;
  axis?: 'left' | 'right';
  /** How this series' values read (tooltip, table), where it differs from the plot's `value`. */
  format?: ((v: number) => string) | undefined;
}

export interface AxisSpec {
  key?: string;
  /** The axis title, with its unit: 'test accuracy (%)', 'labelled fraction of the pool'. */
  title?: string;
  /** How computed ticks print (at the precision of their step); `format` overrides it. */
  unit?: AxisUnit;
  format?: (v: number) => string;
  /** Clamp for the computed domain, e.g. [0, 1] for accuracies. */
  bounds?: [number, number];
  /** A fixed domain (and its ends as the only computed ticks' limits). */
  domain?: [number, number];
  width?: number;
}

export interface LinePlotProps {
  rows: readonly Row[];
  series: readonly SeriesSpec[];
  x: AxisSpec;
  y: AxisSpec;
  y2?: AxisSpec | undefined;
  height?: number;
  /** How values read in the tooltip. */
  value?: (v: number) => string;
  /** A horizontal reference on the left axis, e.g. the chance level of an accuracy chart. */
  reference?: { y: number; label: string } | undefined;
  /** The numbers as a table under the plot (default true); off where the card shows its own table. */
  table?: boolean;
}

const MARGIN = { top: 8, right: 18, bottom: 4, left: 0 } as const;
/**
 * Points get no dots (the x ticks sit on the data, and the tooltip marks the point under the cursor): in
 * recharts each dot is a component of its own, and dots doubled the cost of a redraw. A series of one point
 * gets this dot, or it would not show at all.
 */
const DOT = { r: 3 } as const;

function yTicks(rows: readonly Row[], series: readonly SeriesSpec[], axis: 'left' | 'right', spec: AxisSpec, reference?: number): number[] {
  if (spec.domain) return niceTicks(spec.domain[0], spec.domain[1], 4, spec.domain);
  let [min, max] = extent(rows, series.filter((s) => (s.axis ?? 'left') === axis).map((s) => s.key));
  if (reference !== undefined && Number.isFinite(min)) [min, max] = [Math.min(min, reference), Math.max(max, reference)];
  return niceTicks(min, max, 4, spec.bounds);
}

function xTicks(rows: readonly Row[], spec: AxisSpec): number[] {
  if (spec.domain) {
    const [lo, hi] = spec.domain;
    const step = Math.max(1, Math.ceil((hi - lo + 1) / 8));
    return Array.from({ length: Math.floor((hi - lo) / step) + 1 }, (_, i) => lo + i * step);
  }
  const values = rows.map((r) => r[spec.key ?? 'x']).filter((v): v is number => v !== undefined);
  return values.length > 0 ? thin([...new Set(values)].sort((a, b) => a - b)) : [0, 1];
}

const Plot = createContext<LinePlotProps | null>(null);
const TOOLTIP_ITEM = { color: '#1d2330' } as const;

function usePlot(): LinePlotProps {
  const plot = useContext(Plot);
  if (!plot) throw new Error('a LinePlot part outside a LinePlot');
  return plot;
}

/** A y axis's formatter and width for its ticks: labels at the step's precision, none clipped. */
function useYAxis(ticks: number[], spec: AxisSpec | undefined): { format: (v: number) => string; width: number } {
  return useMemo(() => {
    const format = spec?.format ?? tickFormatter(ticks, spec?.unit ?? 'number');
    return { format, width: spec?.width ?? axisWidth(ticks.map(format)) };
  }, [ticks, spec?.format, spec?.unit, spec?.width]);
}

function PlotAxes() {
  const { rows, series, x, y, y2, reference } = usePlot();
  const xt = useSameValues(xTicks(rows, x));
  const yt = useSameValues(yTicks(rows, series, 'left', y, reference?.y));
  const y2t = useSameValues(y2 ? yTicks(rows, series, 'right', y2) : []);
  const left = useYAxis(yt, y);
  const right = useYAxis(y2t, y2);
  return (
    <>
      <XAxis dataKey={x.key} type="number" domain={ends(xt)} ticks={xt} tickFormatter={x.format} tick={xTick} interval={0} niceTicks="none" />
      <YAxis yAxisId="left" domain={ends(yt)} ticks={yt} tickFormatter={left.format} tick={yTick} width={left.width} interval={0} niceTicks="none" />
      {y2 && <YAxis yAxisId="right" orientation="right" domain={ends(y2t)} ticks={y2t} tickFormatter={right.format} tick={yTick} width={right.width} interval={0} niceTicks="none" />}
    </>
  );
}

function PlotReference() {
  const { reference } = usePlot();
  if (!reference) return null;
  return <ReferenceLine yAxisId="left" y={reference.y} stroke="#8a8f98" strokeDasharray="2 4" label={{ value: reference.label, position: 'insideBottomRight', fontSize: 11, fill: '#5f6570' }} />;
}

function PlotTooltip() {
  const { x, value, series } = usePlot();
  const formatter = useMemo(
    () => (v: unknown, _name: unknown, item: { dataKey?: unknown }) => {
      const f = series.find((s) => s.key === item.dataKey)?.format ?? value;
      return f ? f(Number(v)) : String(v);
    },
    [value, series],
  );
  const labelFormatter = useMemo(() => (l: unknown) => `${x.title ?? x.key ?? 'x'}: ${x.format ? x.format(Number(l)) : String(l)}`, [x]);
  // Series in the legend's order (recharts sorts by name), named in dark text (line colours are too pale for text).
  const itemSorter = useMemo(() => (item: { dataKey?: unknown }) => series.findIndex((s) => s.key === item.dataKey), [series]);
  return <Tooltip isAnimationActive={false} formatter={formatter} labelFormatter={labelFormatter} itemSorter={itemSorter} itemStyle={TOOLTIP_ITEM} />;
}

function PlotLines() {
  const { rows, series } = usePlot();
  const counts = series.map((s) => rows.reduce((n, r) => n + (r[s.key] === undefined ? 0 : 1), 0));
  return series.map((s, i) => (
    <Line key={s.key} data={rows as Row[]} yAxisId={s.axis ?? 'left'} dataKey={s.key} name={s.name} stroke={s.colour} strokeDasharray={s.dash} isAnimationActive={false} dot={counts[i] === 1 ? DOT : false} connectNulls />
  ));
}

/** The part of the chart that does not re-render with the data: the root, the grid, and the slots the plot fills. */
const Frame = memo(function Frame({ height, tooltip }: { height: number; tooltip: boolean }) {
  return (
    <LineChart responsive style={{ width: '100%', height }} margin={MARGIN}>
      <CartesianGrid strokeDasharray="3 3" />
      <PlotAxes />
      {tooltip && <PlotTooltip />}
      <PlotReference />
      <PlotLines />
    </LineChart>
  );
});

/** The axis titles as text around the plot (HTML: recharts' axis labels are measured and can clip). */
function AxisTitles({ y, y2 }: { y: AxisSpec; y2: AxisSpec | undefined }) {
  if (!y.title && !y2?.title) return null;
  return (
    <div className="axis-titles">
      <span><span aria-hidden="true">↑ </span>{y.title}</span>
      {y2?.title && <span>{y2.title}<span aria-hidden="true"> ↑</span></span>}
    </div>
  );
}

/**
 * Draws `plot` (memoise it: a new object is a redraw), catching up in its own turn; with its axis titles,
 * a note on lines that coincide, and its numbers as a table.
 */
export function LinePlot({ plot }: { plot: LinePlotProps }) {
  const [hold, observed] = useOffscreenHold();
  const drawn = useStaggered(plot, hold);
  const [pointed, handlers] = useWhenPointed();
  return (
    <div className="line-plot" ref={observed}>
      <AxisTitles y={drawn.y} y2={drawn.y2} />
      <div {...handlers}>
        <Plot.Provider value={drawn}>
          <Frame height={drawn.height ?? 200} tooltip={pointed} />
        </Plot.Provider>
      </div>
      {drawn.x.title && <div className="axis-title-x">{drawn.x.title}<span aria-hidden="true"> →</span></div>}
      <CoincideNote rows={drawn.rows} series={drawn.series} />
      {drawn.table !== false && <PlotNumbers plot={drawn} />}
    </div>
  );
}
