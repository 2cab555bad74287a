import type { MethodPlan } from '../../core/experiment/methods.ts';

/** One colour per method, stable within a run (the order of the run's methods). */
const PALETTE = ['#1f77b4', '#d62728', '#2ca02c', '#9467bd', '#ff7f0e', '#17becf', '#8c564b', '#e377c2', '#7f7f7f', '#bcbd22'];

export function colourOf(method: string, methods: readonly string[]): string {
  const i = methods.indexOf(method);
  return PALETTE[(i < 0 ? methods.length : i) % PALETTE.length]!;
}

/** What starts the target of a method, in the paper's words. */
export function startOf(plan: Pick<MethodPlan, 'start' | 'kd'>): string {
  if (plan.start === null) return 'selector = target';
  if (plan.start === 'fused') return plan.kd ? 'fused + KD' : 'fused';
  return 'from scratch';
}
