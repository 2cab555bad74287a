/** Tick formatters shared by the charts (module-level, so memoised plots see stable props). */
import { flopsTick } from '../format.ts';

/** A percentage tick: whole numbers, or one decimal where the step needs it (12.5%). */
export const pctTick = (v: number): string => `${Number((v * 100).toFixed(1))}%`;
/** A labelled fraction as a percentage, to 0.01% (schedules such as 0.0625 print exactly). */
export const fractionLabel = (v: number): string => `${Number((v * 100).toFixed(2))}%`;
export const pctValue = (v: number): string => `${(100 * v).toFixed(1)}%`;
export { flopsTick };

/** The axes most charts share: the labelled fraction across, test accuracy up. */
export const FRACTION_AXIS = { key: 'fraction', format: fractionLabel, title: 'labelled fraction of the pool' } as const;
export const ACCURACY_AXIS = { unit: 'percent', title: 'test accuracy (%)', bounds: [0, 1] } as const satisfies { unit: 'percent'; title: string; bounds: [number, number] };

/** The accuracy of guessing, 1 / classes, as a reference line: small runs must not look better than they are. */
export const chanceLevel = (classes: number | null): { y: number; label: string } | undefined =>
  classes && classes > 1 ? { y: 1 / classes, label: `chance ${pctValue(1 / classes)}` } : undefined;
