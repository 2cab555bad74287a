/** Learning-rate schedules over a training run of `total` steps. */

export const LR_SCHEDULES = ['cosine', 'step'] as const;
export type LrSchedule = (typeof LR_SCHEDULES)[number];

/**
 * cosine: lr * (1 + cos(pi * step / total)) / 2.
 * step: lr, divided by 10 at 50% and again at 75% of the run (He et al.'s CIFAR schedule, scaled to the run).
 */
export function learningRate(schedule: LrSchedule, baseLr: number, step: number, total: number): number {
  const t = total > 0 ? Math.min(step / total, 1) : 0;
  if (schedule === 'cosine') return (baseLr * (1 + Math.cos(Math.PI * t))) / 2;
  return baseLr * (t < 0.5 ? 1 : t < 0.75 ? 0.1 : 0.01);
}
