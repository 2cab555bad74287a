/**
 * Plain names for the ids settings and results use (the URL keeps the ids; the page shows the words, with the
 * id as secondary text). Methods are named from their plan (base id and ratio), never by parsing a key.
 */
import type { MethodId } from '../core/config/runConfig.ts';
import type { MetricId } from '../core/select/metricIds.ts';
import type { MethodPlan } from '../core/experiment/methods.ts';

export const METHOD_NAMES: Record<MethodId, string> = {
  al: 'Active learning (dense model selects)',
  prunefuse: 'PruneFuse (pruned model selects, fused target, KD)',
  'prunefuse-nokd': 'PruneFuse without KD (ablation)',
  'prunefuse-nofuse': 'PruneFuse without fusion (ablation: target from scratch)',
  svp: 'SVP (small proxy selects)',
};

export const METRIC_NAMES: Record<MetricId, string> = {
  lc: 'least confidence',
  entropy: 'entropy',
  margin: 'margin (top-2 gap)',
  kcenter: 'greedy k-centers (coreset)',
  random: 'random',
};

/** Names of every enum value a setting can take, where the id is not already a word. */
export const VALUE_NAMES: Record<string, Record<string, string>> = {
  methods: METHOD_NAMES,
  metric: METRIC_NAMES,
  scope: { uniform: 'uniform (p in every layer)', global: 'global (one threshold over all layers)' },
  criterion: { l2: 'L2 norm of the filter' },
  lrSchedule: { cosine: 'cosine', step: 'step decay' },
  backend: { auto: 'automatic', webgpu: 'WebGPU', wasm: 'WebAssembly (wasm)', webgl: 'WebGL', cpu: 'plain JavaScript (cpu)' },
};

/** The plain name of a planned method (its base id and ratio, as MethodMeta carries them). */
export function methodName(m: Pick<MethodPlan, 'base' | 'ratio'>): string {
  return m.ratio === undefined ? METHOD_NAMES[m.base] : `${METHOD_NAMES[m.base]}, p = ${m.ratio}`;
}
