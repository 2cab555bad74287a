/**
 * Ticks the lab computes itself, so recharts neither searches for nice ticks nor measures tick labels
 * in the DOM on every redraw (both showed up as the larger costs of a chart update).
 */
import type { Row } from './data.ts';

function niceStep(span: number, count: number): number {
  const raw = span / Math.max(1, count);
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const f = raw / magnitude;
  return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 2.5 ? 2.5 : f <= 5 ? 5 : 10) * magnitude;
}

/** About `count` round-numbered ticks covering [min, max]; the first and last are the domain. */
export function niceTicks(min: number, max: number, count = 4, bounds?: [number, number]): number[] {
  if (!Number.isFinite(min) || !Number.isFinite(max)) return bounds ? [bounds[0], bounds[1]] : [0, 1];
  if (max - min < 1e-12) {
    const pad = Math.abs(max) > 0 ? Math.abs(max) * 0.1 : 0.1;
    [min, max] = [min - pad, max + pad];
  }
  const step = niceStep(max - min, count);
  let lo = Math.floor(min / step) * step;
  let hi = Math.ceil(max / step) * step;
  if (bounds) [lo, hi] = [Math.max(bounds[0], lo), Math.min(bounds[1], hi)];
  const ticks: number[] = [];
  for (let v = lo; v <= hi + step * 1e-9; v += step) ticks.push(Number(v.toPrecision(12)));
  return ticks;
}

/** The domain that `ticks` span; one tick gets a unit either side. */
export const ends = (ticks: readonly number[]): [number, number] => (ticks.length > 1 ? [ticks[0]!, ticks.at(-1)!] : [ticks[0]! - 1, ticks[0]! + 1]);

/** The values of `keys` in `rows`. */
export function extent(rows: readonly Row[], keys: readonly string[]): [number, number] {
  let min = Infinity;
  let max = -Infinity;
  for (const row of rows) {
    for (const k of keys) {
      const v = row[k];
      if (v === undefined || !Number.isFinite(v)) continue;
      if (v < min) min = v;
      if (v > max) max = v;
    }
  }
  return [min, max];
}

/** At most `max` of `values`, evenly thinned, always keeping the first and the last. */
export function thin(values: readonly number[], max = 8): number[] {
  if (values.length <= max) return [...values];
  const step = (values.length - 1) / (max - 1);
  return Array.from({ length: max }, (_, i) => values[Math.round(i * step)]!);
}
