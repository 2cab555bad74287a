/** The selection strategies, by the id used in configs and URLs. Adding one: one file + one line here. */
import { entropy } from './entropy.ts';
import { kCenterGreedy } from './kCenterGreedy.ts';
import { leastConfidence } from './leastConfidence.ts';
import { margin } from './margin.ts';
import { random } from './random.ts';
import type { SelectionStrategy } from './strategy.ts';

export const SELECTION_STRATEGIES = {
  lc: leastConfidence,
  entropy,
  margin,
  kcenter: kCenterGreedy,
  random,
} as const satisfies Record<string, SelectionStrategy>;

export type MetricId = keyof typeof SELECTION_STRATEGIES;
export const METRIC_IDS = Object.keys(SELECTION_STRATEGIES) as MetricId[];

export function strategyOf(id: MetricId): SelectionStrategy {
  return SELECTION_STRATEGIES[id];
}

export type { SelectionStrategy } from './strategy.ts';
