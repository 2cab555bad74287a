/** Number formatting for the lab's read-outs. */

export const pct = (x: number | undefined, digits = 1): string =>
  x === undefined || !Number.isFinite(x) ? '–' : `${(100 * x).toFixed(digits)}%`;

/** One formatter for every count: Number.prototype.toLocaleString builds a new one per call (slow in long tables). */
const COUNT = new Intl.NumberFormat('en-US');
export const count = (n: number): string => COUNT.format(n);

/**
 * A date and time as Date.prototype.toLocaleString() writes it, from one formatter made when the page loads:
 * toLocaleString builds one per call, and the page's first costs some 10 ms (the click on Start drew the
 * history's first row with it).
 */
const WHEN = new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
export const dateTime = (when: string | number): string => WHEN.format(new Date(when));

const SI = ['', 'k', 'M', 'G', 'T', 'P', 'E'];

/** 1.23 GFLOP, 456 MFLOP. */
export function flops(n: number): string {
  if (!Number.isFinite(n) || n <= 0) return '0 FLOP';
  const e = Math.min(SI.length - 1, Math.floor(Math.log10(n) / 3));
  return `${(n / 1000 ** e).toPrecision(3)} ${SI[e]}FLOP`;
}

/** Short form for axis ticks: 1.2G, 450M. */
export function flopsTick(n: number): string {
  if (!Number.isFinite(n) || n <= 0) return '0';
  const e = Math.min(SI.length - 1, Math.floor(Math.log10(n) / 3));
  return `${Number((n / 1000 ** e).toPrecision(2))}${SI[e]}`;
}

export function seconds(s: number | null | undefined): string {
  if (s === null || s === undefined || !Number.isFinite(s)) return '–';
  if (s < 60) return `${s.toFixed(s < 10 ? 1 : 0)} s`;
  const m = Math.floor(s / 60);
  return m < 60 ? `${m} min ${Math.round(s % 60)} s` : `${Math.floor(m / 60)} h ${m % 60} min`;
}

export function bytes(n: number): string {
  if (n < 1024) return `${n} B`;
  const units = ['KiB', 'MiB', 'GiB'];
  let v = n / 1024;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${v.toFixed(v < 10 ? 1 : 0)} ${units[i]}`;
}
