/**
 * The lab's line chart: recharts with no animation, no in-chart legend, ticks computed here and drawn
 * as plain text (no nice-tick search, no DOM text measuring). Memoised on its props; callers pass props
 * through useStaggered so each chart redraws in a task of its own.
 */
import { memo } from 'react';
import { CartesianGrid, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import { extent, niceTicks, thin } from './axes.ts';
import type { Row } from './data.ts';
import { xTick, yTick } from './PlainTick.tsx';

export interface SeriesSpec {
  key: string;
  name: string;
  colour: string;
  dash?: string | undefined;
  axis?: 'left' | 'right';
}

export interface AxisSpec {
  key?: string;
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
}

const MARGIN = { top: 8, right: 18, bottom: 4, left: 0 } as const;

function yTicks(rows: readonly Row[], series: readonly SeriesSpec[], axis: 'left' | 'right', spec: AxisSpec): number[] {
  if (spec.domain) return niceTicks(spec.domain[0], spec.domain[1], 4, spec.domain);
  const [min, max] = extent(rows, series.filter((s) => (s.axis ?? 'left') === axis).map((s) => s.key));
  return niceTicks(min, max, 4, spec.bounds);
}

function xTicks(rows: readonly Row[], spec: AxisSpec): number[] {
  const values = rows.map((r) => r[spec.key ?? 'x']).filter((v): v is number => v !== undefined);
  if (spec.domain) {
    const [lo, hi] = spec.domain;
    const step = Math.max(1, Math.ceil((hi - lo + 1) / 8));
    return Array.from({ length: Math.floor((hi - lo) / step) + 1 }, (_, i) => lo + i * step);
  }
  return values.length > 0 ? thin([...new Set(values)].sort((a, b) => a - b)) : [0, 1];
}

export const LinePlot = memo(function LinePlot({ rows, series, x, y, y2, height = 200, value }: LinePlotProps) {
  const xt = xTicks(rows, x);
  const yt = yTicks(rows, series, 'left', y);
  const y2t = y2 ? yTicks(rows, series, 'right', y2) : [];
  const xDomain: [number, number] = xt.length > 1 ? [xt[0]!, xt.at(-1)!] : [xt[0]! - 1, xt[0]! + 1];
  return (
    <LineChart data={rows as Row[]} responsive style={{ width: '100%', height }} margin={MARGIN}>
      <CartesianGrid strokeDasharray="3 3" />
      <XAxis dataKey={x.key} type="number" domain={xDomain} ticks={xt} tickFormatter={x.format} tick={xTick} interval={0} />
      <YAxis yAxisId="left" domain={[yt[0]!, yt.at(-1)!]} ticks={yt} tickFormatter={y.format} tick={yTick} width={y.width ?? 44} interval={0} />
      {y2 && <YAxis yAxisId="right" orientation="right" domain={[y2t[0]!, y2t.at(-1)!]} ticks={y2t} tickFormatter={y2.format} tick={yTick} width={y2.width ?? 40} interval={0} />}
      <Tooltip isAnimationActive={false} formatter={value ? (v) => value(Number(v)) : undefined} labelFormatter={x.format ? (l) => x.format!(Number(l)) : undefined} />
      {series.map((s) => (
        <Line key={s.key} yAxisId={s.axis ?? 'left'} dataKey={s.key} name={s.name} stroke={s.colour} strokeDasharray={s.dash} isAnimationActive={false} dot={{ r: 3 }} connectNulls />
      ))}
    </LineChart>
  );
});
