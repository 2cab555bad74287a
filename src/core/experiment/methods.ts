/**
 * The methods a config runs, as data: which selector track each belongs to, how its target starts and
 * whether it distils. Free of tfjs and of weights, so the page can draw a run's series before it starts;
 * the engine plans its networks from the same list (plan.ts), and `run-started` sends it. The `method`
 * string ('prunefuse@0.5') is a label for people and a key, never parsed back.
 *
 * Order: al, then for each pruning ratio the PruneFuse variants, then svp. Methods that select with the
 * same network share one track: al (the dense model selects and is the final model), prunefuse@p and its
 * ablations (the pruned model at ratio p selects), svp (a smaller ResNet selects).
 */
import type { MethodId, RunConfig } from '../config/runConfig.ts';

/** How a target network starts: fused from the trained pruned selector, or from its own initialisation. */
export type TargetStart = 'fused' | 'scratch';

export interface MethodPlan {
  /** Label and key, e.g. 'al', 'prunefuse@0.5', 'svp'. */
  method: string;
  base: MethodId;
  /** The selector track: 'al', 'pruned@0.5', 'svp'. */
  track: string;
  /** null: the selector itself is the target (al). */
  start: TargetStart | null;
  /** Whether the target distils from the trained selector. */
  kd: boolean;
  /** Pruning ratio of the selector, for the PruneFuse methods. */
  ratio?: number;
}

const PRUNEFUSE_VARIANTS: Array<{ base: MethodId; start: TargetStart; kd: boolean }> = [
  { base: 'prunefuse', start: 'fused', kd: true },
  { base: 'prunefuse-nokd', start: 'fused', kd: false },
  { base: 'prunefuse-nofuse', start: 'scratch', kd: false },
];

export const prunedTrack = (ratio: number): string => `pruned@${ratio}`;

export function planMethods(config: Pick<RunConfig, 'methods' | 'ratio'>): MethodPlan[] {
  const plans: MethodPlan[] = [];
  if (config.methods.includes('al')) plans.push({ method: 'al', base: 'al', track: 'al', start: null, kd: false });
  const variants = PRUNEFUSE_VARIANTS.filter((v) => config.methods.includes(v.base));
  if (variants.length > 0) {
    for (const ratio of config.ratio) {
      for (const v of variants) plans.push({ method: `${v.base}@${ratio}`, ...v, track: prunedTrack(ratio), ratio });
    }
  }
  if (config.methods.includes('svp')) plans.push({ method: 'svp', base: 'svp', track: 'svp', start: 'scratch', kd: false });
  return plans;
}
