/**
 * Which step of PruneFuse's pipeline the run is in, from the phase the worker reports: the selector's
 * training, scoring and ranking the pool, and the targets' training (fused and distilled, fused only, or from
 * scratch); before the first phase, pruning.
 */
import type { MethodMeta } from '../../core/experiment/events.ts';
import type { Phase, RunStatus } from '../../store/types.ts';

export const STEPS = ['prune', 'train-selector', 'select', 'fuse', 'distil'] as const;
export type Step = (typeof STEPS)[number];

export interface Now {
  steps: Step[];
  /** Whose work it is, in words (e.g. the baseline's dense selector, not the pipeline's pruned one). */
  who: 'pruned' | 'dense' | 'proxy' | null;
}

export function currentSteps(status: RunStatus, phase: Phase | null, methods: readonly MethodMeta[]): Now {
  if (status === 'starting') return { steps: ['prune'], who: 'pruned' };
  if ((status !== 'running' && status !== 'cancelling') || !phase) return { steps: [], who: null };
  const trackMethod = methods.find((m) => m.track === phase.track);
  const who = trackMethod?.ratio !== undefined ? 'pruned' : trackMethod?.base === 'svp' ? 'proxy' : 'dense';
  if (phase.role === 'selector') return { steps: [phase.kind === 'scoring' || phase.kind === 'ranking' ? 'select' : 'train-selector'], who };
  const target = methods.find((m) => m.method === phase.method);
  if (target?.start === 'fused') return { steps: target.kd ? ['fuse', 'distil'] : ['fuse'], who: 'pruned' };
  return { steps: [], who };
}
