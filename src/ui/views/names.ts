/**
 * Plain names for what a run's ids mean, for the views: methods, selector tracks, selection metrics. The
 * ids stay visible beside them (secondary text), as the config form shows them.
 */
import type { MethodPlan } from '../../core/experiment/methods.ts';

const METHOD_NAMES: Record<MethodPlan['base'], string> = {
  al: 'Active learning (dense model selects)',
  prunefuse: 'PruneFuse',
  'prunefuse-nokd': 'PruneFuse without distillation',
  'prunefuse-nofuse': 'PruneFuse without fusion (target from scratch)',
  svp: 'SVP (small proxy selects)',
};

export const METRIC_NAMES: Record<string, string> = {
  lc: 'least confidence',
  entropy: 'entropy',
  margin: 'margin',
  kcenter: 'k-center (coreset) distance',
  random: 'random',
};

/** 'PruneFuse, p = 0.5'; the ratio is named only where the run has several PruneFuse ratios. */
export function methodName(plan: Pick<MethodPlan, 'base' | 'ratio'>, severalRatios = false): string {
  const name = METHOD_NAMES[plan.base] ?? plan.base;
  return severalRatios && plan.ratio !== undefined ? `${name}, p = ${plan.ratio}` : name;
}

/** Whether the methods' PruneFuse selectors use more than one pruning ratio. */
export const hasSeveralRatios = (plans: readonly Pick<MethodPlan, 'ratio'>[]): boolean =>
  new Set(plans.flatMap((p) => (p.ratio === undefined ? [] : [p.ratio]))).size > 1;

/** What selects on a track, in words: 'dense model', 'pruned model (p = 0.5)', 'small proxy'. */
export function selectorName(track: string, plans: readonly Pick<MethodPlan, 'track' | 'base' | 'ratio'>[]): string {
  const plan = plans.find((p) => p.track === track);
  if (!plan) return track;
  if (plan.base === 'al') return 'dense model';
  if (plan.base === 'svp') return 'small proxy';
  return plan.ratio === undefined ? 'pruned model' : `pruned model (p = ${plan.ratio})`;
}

export const metricName = (id: string): string => METRIC_NAMES[id] ?? id;
