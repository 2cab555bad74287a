/**
 * Tick labels that print their tick exactly: the number of decimals follows the step between the ticks
 * (niceTicks gives steps of 1, 2 or 5 x 10^k, so `digits` decimals are always enough), and an axis is as
 * wide as its longest label, so no label is clipped ("11.5%" drawn as "l1.5%").
 */

/** How an axis's values read: fractions as percentages, FLOP counts with an SI prefix, or plain numbers. */
export type AxisUnit = 'percent' | 'flops' | 'number';

const SI = ['', 'k', 'M', 'G', 'T', 'P', 'E'];

/** Decimals that print every multiple of `step` exactly (step = 1, 2 or 5 x 10^k). */
export function tickDigits(step: number): number {
  if (!Number.isFinite(step) || step <= 0) return 0;
  return Math.max(0, -Math.floor(Math.log10(step) + 1e-9));
}

/** The smallest gap between consecutive ticks (the step); a lone tick counts as its own size. */
function stepOf(ticks: readonly number[]): number {
  let step = Infinity;
  for (let i = 1; i < ticks.length; i++) step = Math.min(step, Math.abs(ticks[i]! - ticks[i - 1]!));
  if (Number.isFinite(step) && step > 0) return step;
  const lone = Math.abs(ticks[0] ?? 1);
  return lone > 0 ? 10 ** Math.floor(Math.log10(lone)) : 1;
}

/** A formatter for `ticks` in `unit`, precise to the ticks' step and no more. */
export function tickFormatter(ticks: readonly number[], unit: AxisUnit): (v: number) => string {
  const step = stepOf(ticks);
  if (unit === 'percent') {
    const digits = tickDigits(step * 100);
    return (v) => `${(v * 100).toFixed(digits)}%`;
  }
  if (unit === 'flops') {
    const largest = Math.max(...ticks.map(Math.abs));
    const e = largest > 0 ? Math.max(0, Math.min(SI.length - 1, Math.floor(Math.log10(largest) / 3))) : 0;
    const scale = 1000 ** e;
    const digits = tickDigits(step / scale);
    return (v) => (v === 0 ? '0' : `${(v / scale).toFixed(digits)}${SI[e]}`);
  }
  const digits = tickDigits(step);
  return (v) => v.toFixed(digits);
}

/** Average advance of a tick label's character at 11 px (digits, '%', '.', SI letters), with room to spare. */
const CHAR_PX = 6.6;
/** Space between the labels and the axis line, and the tick mark. */
const PAD_PX = 12;

/** Width in px a y axis needs for `labels` drawn at 11 px. */
export function axisWidth(labels: readonly string[]): number {
  const longest = labels.reduce((n, l) => Math.max(n, l.length), 1);
  return Math.ceil(longest * CHAR_PX + PAD_PX);
}
