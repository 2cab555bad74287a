/**
 * The same array object for as long as its values are the same: recharts re-registers an axis whenever
 * its ticks are a new array, and each registration is a pass over the whole chart.
 */
import { useMemo } from 'react';

export function useSameValues(values: number[]): number[] {
  const signature = values.join(',');
  // Keyed on the values, not on the array.
  return useMemo(() => values, [signature]);
}
