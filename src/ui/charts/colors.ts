import type { MethodPlan } from '../../core/experiment/methods.ts';

/**
 * One colour per method, stable within a run (the order of the run's methods). Each has a line colour with
 * at least 3:1 contrast on white (WCAG 1.4.11, graphics) and a darker text colour with at least 4.5:1 on
 * white and on the lab's pale blue rows (1.4.3, text); colors.test.ts checks both.
 */
const PALETTE = [
  { line: '#1f77b4', text: '#1e72ad' },
  { line: '#d62728', text: '#c02324' },
  { line: '#2ca02c', text: '#237e23' },
  { line: '#9467bd', text: '#7e58a0' },
  { line: '#e5720d', text: '#a65208' },
  { line: '#14a1b0', text: '#0e7882' },
  { line: '#8c564b', text: '#8c564b' },
  { line: '#d36fb4', text: '#9c5186' },
  { line: '#7f7f7f', text: '#676767' },
  { line: '#96971b', text: '#6e6e13' },
] as const;

/**
 * Dash patterns by method position, so neighbouring series differ by more than hue (red and green look
 * alike to many readers): solid, dashed, dotted, dash-dot, long dash.
 */
const DASHES = [undefined, '6 3', '2 2', '8 3 2 3', '12 4'] as const;

const indexOf = (method: string, methods: readonly string[]): number => {
  const i = methods.indexOf(method);
  return i < 0 ? methods.length : i;
};

export function colourOf(method: string, methods: readonly string[]): string {
  return PALETTE[indexOf(method, methods) % PALETTE.length]!.line;
}

/** The method's colour for text (darker than its line, to read on white). */
export function textColourOf(method: string, methods: readonly string[]): string {
  return PALETTE[indexOf(method, methods) % PALETTE.length]!.text;
}

export function dashOf(method: string, methods: readonly string[]): string | undefined {
  return DASHES[indexOf(method, methods) % DASHES.length];
}

/** Marker shapes by method position, for the scatter plots (recharts' symbol types). */
const MARKERS = ['circle', 'square', 'triangle', 'diamond', 'star', 'cross', 'wye'] as const;
export type Marker = (typeof MARKERS)[number];

export function markerOf(method: string, methods: readonly string[]): Marker {
  return MARKERS[indexOf(method, methods) % MARKERS.length]!;
}

/** Every colour of the palette, for tests. */
export const PALETTE_COLOURS: ReadonlyArray<{ line: string; text: string }> = PALETTE;
export const DASH_PATTERNS: ReadonlyArray<string | undefined> = DASHES;

/** What starts the target of a method, in the paper's words. */
export function startOf(plan: Pick<MethodPlan, 'start' | 'kd'>): string {
  if (plan.start === null) return 'selector = target';
  if (plan.start === 'fused') return plan.kd ? 'fused + KD' : 'fused';
  return 'from scratch';
}
