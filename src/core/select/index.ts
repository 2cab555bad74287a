/** The selection strategies, by the id used in configs and URLs. Adding one: one file, its id in metricIds.ts, one line here. */
import { entropy } from './entropy.ts';
import { kCenterGreedy } from './kCenterGreedy.ts';
import { leastConfidence } from './leastConfidence.ts';
import { margin } from './margin.ts';
import type { MetricId } from './metricIds.ts';
import { random } from './random.ts';
import type { SelectionStrategy } from './strategy.ts';

export const SELECTION_STRATEGIES = {
  lc: leastConfidence,
  entropy,
  margin,
  kcenter: kCenterGreedy,
  random,
} as const satisfies Record<MetricId, SelectionStrategy>;

export function strategyOf(id: MetricId): SelectionStrategy {
  return SELECTION_STRATEGIES[id];
}

export { METRIC_IDS, type MetricId } from './metricIds.ts';
export type { SelectionStrategy } from './strategy.ts';
