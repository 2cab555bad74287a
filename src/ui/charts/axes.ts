/**
 * Ticks the lab computes itself, so recharts neither searches for nice ticks nor measures tick labels
 * in the DOM on every redraw (both showed up as the larger costs of a chart update).
 */
import { scaleLinear } from 'd3-scale';
import type { Row } from './data.ts';

/**
 * About `count` round-numbered ticks covering [min, max] (d3-scale's nice domain and ticks: steps of 1, 2
 * or 5 x 10^k), clamped to `bounds`; the first and last are the domain. A single value gets a margin.
 */
export function niceTicks(min: number, max: number, count = 4, bounds?: [number, number]): number[] {
  if (!Number.isFinite(min) || !Number.isFinite(max)) return bounds ? [bounds[0], bounds[1]] : [0, 1];
  if (max - min < 1e-12) {
    const pad = Math.abs(max) > 0 ? Math.abs(max) * 0.1 : 0.1;
    [min, max] = [min - pad, max + pad];
  }
  let [lo, hi] = scaleLinear().domain([min, max]).nice(count).domain() as [number, number];
  if (bounds) [lo, hi] = [Math.max(bounds[0], lo), Math.min(bounds[1], hi)];
  return scaleLinear().domain([lo, hi]).ticks(count).filter((t) => t >= lo && t <= hi);
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
