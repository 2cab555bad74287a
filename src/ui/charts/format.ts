/** Tick formatters shared by the charts (module-level, so memoised plots see stable props). */
import { flopsTick } from '../format.ts';

export const pctTick = (v: number): string => `${Math.round(v * 100)}%`;
export const fractionLabel = (v: number): string => `${Math.round(v * 1000) / 10}%`;
export const pctValue = (v: number): string => `${(100 * v).toFixed(1)}%`;
export { flopsTick };
