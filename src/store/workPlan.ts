/**
 * Progress and ETA: the run's training phases in the order the engine runs them, each weighted by its
 * multiply-accumulates (training TRAIN_FACTOR x forward over the labelled set per epoch, test evaluations, scoring
 * the pool). A step event places the run inside one phase; everything before it counts as done.
 */
import { TRAIN_FACTOR } from '../core/experiment/cost.ts';
import type { RunEvent } from '../core/experiment/events.ts';

type RunStarted = Extract<RunEvent, { type: 'run-started' }>;

export interface WorkPlan {
  /** Start (in units) and cost of every phase, by phaseKey. */
  phases: Record<string, { start: number; cost: number }>;
  total: number;
  rounds: number;
}

export const phaseKey = (track: string, round: number, role: 'selector' | 'target', method?: string): string =>
  `${track}|${round}|${role}|${role === 'target' ? (method ?? '') : ''}`;

export function buildWorkPlan(started: RunStarted, epochs: number): WorkPlan {
  const tracks = new Map<string, { selectorMacs: number; selectorIsTarget: boolean; targets: Array<{ method: string; macs: number; kd: boolean }> }>();
  for (const m of started.methods) {
    const track = tracks.get(m.track) ?? { selectorMacs: m.selector.macs, selectorIsTarget: false, targets: [] };
    if (m.start === null) track.selectorIsTarget = true;
    else track.targets.push({ method: m.method, macs: m.target.macs, kd: m.kd });
    tracks.set(m.track, track);
  }
  const phases: WorkPlan['phases'] = {};
  let total = 0;
  const add = (key: string, cost: number) => {
    phases[key] = { start: total, cost };
    total += cost;
  };
  const last = started.counts.length - 1;
  for (const [id, t] of tracks) {
    started.counts.forEach((labeled, round) => {
      // A selector that is the target (al) is evaluated after every epoch, as targets are.
      const evalImages = t.selectorIsTarget ? started.testSize * epochs : started.testSize;
      const scoring = round < last ? started.poolSize - labeled : 0;
      add(phaseKey(id, round, 'selector'), t.selectorMacs * (TRAIN_FACTOR * labeled * epochs + evalImages + scoring));
      for (const target of t.targets) {
        const teacher = target.kd ? t.selectorMacs * labeled * epochs : 0;
        add(phaseKey(id, round, 'target', target.method), target.macs * (TRAIN_FACTOR * labeled * epochs + started.testSize * epochs) + teacher);
      }
    });
  }
  return { phases, total, rounds: started.counts.length };
}

/** Units done when `key` has reached step/totalSteps; undefined for a phase the plan does not know. */
export function unitsDone(plan: WorkPlan, key: string, step: number, totalSteps: number): number | undefined {
  const phase = plan.phases[key];
  if (!phase) return undefined;
  return phase.start + (totalSteps > 0 ? Math.min(1, step / totalSteps) : 0) * phase.cost;
}

/** Seconds left, from the rate so far; null until there is enough to go on. */
export function estimateEta(plan: WorkPlan, done: number, elapsedSeconds: number): number | null {
  if (plan.total <= 0 || done <= 0.01 * plan.total || elapsedSeconds < 1) return null;
  return (elapsedSeconds * (plan.total - done)) / done;
}
