/**
 * Progress and ETA. The plan lists every phase of the run in the engine's order: per track and round,
 * the selector's training and evaluation, each target's training and evaluation (its training curve),
 * then scoring the pool and ranking it. Each phase counts its own units (images: trained, evaluated,
 * scored, ranked), and progress events (the engine's steps, the worker's 'work' reports) say how many are
 * done. Rates are measured in this run, per network and per kind of phase, in the worker's clock: the time
 * between two progress events goes to the phase of the later one. A rate counts the network's latest
 * phase of that kind only (with the one before while the latest is young): a run's first seconds are
 * slower (the browser optimises WebAssembly as it runs), and a small first round would otherwise price
 * the large later ones at its cold speed. The first stretch of each phase also holds its start-up
 * (building the network, fusing, the first step's kernel set-up), which is measured apart, as a cost per
 * phase, so that small early rounds do not inflate the per-image rates. A phase not measured yet borrows
 * the rate of the same kind on another network, scaled by multiply-accumulates, or, for a kind not seen
 * yet, the forward rate times the training/forward ratio measured in this run (TRAIN_VS_FORWARD until both
 * are measured). So the ETA covers evaluation and scoring as they are, and does not jump when they come.
 */
import type { RunEvent } from '../core/experiment/events.ts';
import type { MetricId } from '../core/select/metricIds.ts';
import type { WorkProgress } from '../protocol/workerProtocol.ts';

/**
 * The engine's CURVE_EVAL_IMAGES (runExperiment.ts, which loads tfjs, so the page cannot import it;
 * workPlan.test.ts checks they agree): training curves evaluate this many test images before the last epoch.
 */
export const CURVE_EVAL_IMAGES = 500;

type RunStarted = Extract<RunEvent, { type: 'run-started' }>;
type Step = Extract<RunEvent, { type: 'step' }>;

export type WorkKind = 'training' | 'evaluating' | 'scoring' | 'ranking';

/** Seconds of a training image over an inference image on the same network, until this run measures both (issue 15: ~4.6 on wasm). */
export const TRAIN_VS_FORWARD = 4.6;

export interface PlannedPhase {
  key: string;
  /** The network: `selector|<track>` or `target|<method>`. */
  net: string;
  kind: WorkKind;
  units: number;
  macs: number;
}

export interface WorkPlan {
  phases: PlannedPhase[];
  index: Record<string, number>;
  rounds: number;
  /** Total of `RunState.done`: progress is a fraction. */
  total: 1;
}

interface PassCount {
  /** Units of earlier passes (a training curve evaluates once per epoch). */
  base: number;
  last: number;
}

/** How many of a network's latest phases of one kind its rate is measured over. */
const RECENT_PHASES = 2;

/** Seconds and units measured within one phase. */
export interface PhaseMeasure {
  key: string;
  seconds: number;
  units: number;
}

export interface WorkProgressState {
  /** Worker time (ms) of the run's start and of the last progress event. */
  startedAt: number | null;
  lastAt: number | null;
  /** Units done, by phase key. */
  done: Record<string, number>;
  passes: Record<string, PassCount>;
  /** Seconds and units measured within the last RECENT_PHASES phases, oldest first, by `${net}|${kind}`. */
  measured: Record<string, PhaseMeasure[]>;
  /** The first stretch of each phase (start-up and first units), by `${net}|${kind}`. */
  starts: Record<string, { seconds: number; units: number; count: number }>;
  lastKey: string | null;
}

export const emptyProgress = (): WorkProgressState => ({ startedAt: null, lastAt: null, done: {}, passes: {}, measured: {}, starts: {}, lastKey: null });

const netOf = (role: 'selector' | 'target', track: string, method?: string): string => (role === 'selector' ? `selector|${track}` : `target|${method ?? ''}`);

export const phaseKey = (kind: WorkKind, track: string, round: number, role: 'selector' | 'target', method?: string): string =>
  `${kind}|${round}|${netOf(role, track, method)}`;

export function buildWorkPlan(started: RunStarted, config: { epochs: number; metric: MetricId }): WorkPlan {
  const tracks = new Map<string, { selectorMacs: number; isAl: boolean; targets: Array<{ method: string; macs: number }> }>();
  for (const m of started.methods) {
    const track = tracks.get(m.track) ?? { selectorMacs: m.selector.macs, isAl: false, targets: [] };
    if (m.start === null) track.isAl = true;
    else track.targets.push({ method: m.method, macs: m.target.macs });
    tracks.set(m.track, track);
  }
  const phases: PlannedPhase[] = [];
  const add = (kind: WorkKind, track: string, round: number, role: 'selector' | 'target', units: number, macs: number, method?: string) =>
    units > 0 && phases.push({ key: phaseKey(kind, track, round, role, method), net: netOf(role, track, method), kind, units, macs });
  const { epochs } = config;
  const curve = (epochs - 1) * Math.min(CURVE_EVAL_IMAGES, started.testSize) + started.testSize;
  const last = started.counts.length - 1;
  for (const [id, t] of tracks) {
    started.counts.forEach((labeled, round) => {
      add('training', id, round, 'selector', labeled * epochs, t.selectorMacs);
      add('evaluating', id, round, 'selector', t.isAl ? curve : started.testSize, t.selectorMacs);
      for (const target of t.targets) {
        add('training', id, round, 'target', labeled * epochs, target.macs, target.method);
        add('evaluating', id, round, 'target', curve, target.macs, target.method);
      }
      if (round < last && config.metric !== 'random') {
        const unlabeled = started.poolSize - labeled;
        add('scoring', id, round, 'selector', config.metric === 'kcenter' ? started.poolSize : unlabeled, t.selectorMacs);
        add('ranking', id, round, 'selector', unlabeled, t.selectorMacs);
      }
    });
  }
  return { phases, index: Object.fromEntries(phases.map((p, i) => [p.key, i])), rounds: started.counts.length, total: 1 };
}

/** The phase a progress event belongs to and the units done in it. */
export function progressOf(plan: WorkPlan, progress: WorkProgressState, e: Step | WorkProgress): { key: string; units: number } | undefined {
  const kind: WorkKind = e.type === 'step' ? 'training' : e.phase;
  const key = phaseKey(kind, e.track, e.round, e.role, e.method);
  const at = plan.index[key];
  if (at === undefined) return undefined;
  const phase = plan.phases[at]!;
  if (e.type === 'step') return { key, units: e.totalSteps > 0 ? (Math.min(e.step, e.totalSteps) / e.totalSteps) * phase.units : 0 };
  const pass = progress.passes[key] ?? { base: 0, last: 0 };
  const base = e.done < pass.last ? pass.base + pass.last : pass.base;
  return { key, units: Math.min(phase.units, base + e.done) };
}

/** Folds one progress event (at its worker time `at`, ms) into the measurements. */
export function recordProgress(plan: WorkPlan, progress: WorkProgressState, e: Step | WorkProgress, at: number | undefined): WorkProgressState {
  const where = progressOf(plan, progress, e);
  if (!where) return progress;
  const phase = plan.phases[plan.index[where.key]!]!;
  const before = progress.done[where.key] ?? 0;
  const units = Math.max(before, where.units);
  const next: WorkProgressState = { ...progress, done: { ...progress.done, [where.key]: units } };
  if (e.type === 'work') {
    const pass = progress.passes[where.key] ?? { base: 0, last: 0 };
    next.passes = { ...progress.passes, [where.key]: e.done < pass.last ? { base: pass.base + pass.last, last: e.done } : { base: pass.base, last: e.done } };
  }
  if (at !== undefined && progress.lastAt !== null) {
    const id = `${phase.net}|${phase.kind}`;
    const seconds = Math.max(0, at - progress.lastAt) / 1000;
    if (before === 0 && progress.lastKey !== where.key) {
      const s = progress.starts[id] ?? { seconds: 0, units: 0, count: 0 };
      next.starts = { ...progress.starts, [id]: { seconds: s.seconds + seconds, units: s.units + units, count: s.count + 1 } };
    } else {
      next.measured = { ...progress.measured, [id]: addMeasure(progress.measured[id] ?? [], where.key, seconds, units - before) };
    }
  }
  if (at !== undefined) next.lastAt = at;
  next.lastKey = where.key;
  return next;
}

/** `recent` with `seconds` and `units` more in phase `key`, keeping the last RECENT_PHASES phases. */
function addMeasure(recent: readonly PhaseMeasure[], key: string, seconds: number, units: number): PhaseMeasure[] {
  const last = recent.at(-1);
  if (last?.key === key) return [...recent.slice(0, -1), { key, seconds: last.seconds + seconds, units: last.units + units }];
  return [...recent, { key, seconds, units }].slice(-RECENT_PHASES);
}

/**
 * Seconds and units a network's rate for one kind of phase is measured over: its latest phase, joined by
 * the one before until the latest has measured as many units (a phase's first units alone are too few).
 */
function measuredOf(progress: WorkProgressState, id: string): { seconds: number; units: number } {
  const recent = progress.measured[id] ?? [];
  const latest = recent.at(-1);
  const counted = latest && recent.length > 1 && latest.units >= recent.at(-2)!.units ? [latest] : recent;
  return { seconds: counted.reduce((a, m) => a + m.seconds, 0), units: counted.reduce((a, m) => a + m.units, 0) };
}

/** Seconds per unit of every kind of phase, per MAC (images x MACs), over every network measured. */
function perMac(plan: WorkPlan, progress: WorkProgressState): Partial<Record<WorkKind, number>> {
  const sums: Partial<Record<WorkKind, { seconds: number; work: number }>> = {};
  const macsOf = new Map(plan.phases.map((p) => [`${p.net}|${p.kind}`, p.macs]));
  for (const id of Object.keys(progress.measured)) {
    const m = measuredOf(progress, id);
    const kind = id.slice(id.lastIndexOf('|') + 1) as WorkKind;
    const macs = macsOf.get(id) ?? 0;
    if (m.units <= 0 || macs <= 0) continue;
    const s = (sums[kind] ??= { seconds: 0, work: 0 });
    s.seconds += m.seconds;
    s.work += m.units * macs;
  }
  return Object.fromEntries(Object.entries(sums).filter(([, s]) => s.work > 0 && s.seconds > 0).map(([k, s]) => [k, s.seconds / s.work]));
}

/** Seconds per unit of a phase, or null when nothing measured so far can stand in for it. */
function rateOf(phase: PlannedPhase, progress: WorkProgressState, mac: Partial<Record<WorkKind, number>>): number | null {
  const own = measuredOf(progress, `${phase.net}|${phase.kind}`);
  if (own.units > 0 && own.seconds > 0 && own.units >= 0.05 * phase.units) return own.seconds / own.units;
  if (phase.kind === 'ranking') return mac.ranking !== undefined ? mac.ranking * phase.macs : 0;
  const forward = mac.evaluating ?? mac.scoring;
  const ratio = mac.training !== undefined && forward !== undefined ? mac.training / forward : TRAIN_VS_FORWARD;
  const perMacRate =
    phase.kind === 'training'
      ? (mac.training ?? (forward !== undefined ? forward * ratio : undefined))
      : phase.kind === 'evaluating'
        ? (mac.evaluating ?? mac.scoring ?? (mac.training !== undefined ? mac.training / ratio : undefined))
        : (mac.scoring ?? mac.evaluating ?? (mac.training !== undefined ? mac.training / ratio : undefined));
  return perMacRate === undefined ? null : perMacRate * phase.macs;
}

/**
 * Seconds a phase takes to get going, beyond its units, by `${net}|${kind}`, as measured; phases of a
 * network and kind not started yet get the mean of those measured (`fallback`).
 */
function startUps(plan: WorkPlan, progress: WorkProgressState, mac: Partial<Record<WorkKind, number>>): { by: Map<string, number>; fallback: number } {
  const by = new Map<string, number>();
  for (const [id, s] of Object.entries(progress.starts)) {
    const phase = plan.phases.find((p) => `${p.net}|${p.kind}` === id);
    const rate = phase ? rateOf(phase, progress, mac) : null;
    if (rate !== null && s.count > 0) by.set(id, Math.max(0, (s.seconds - s.units * rate) / s.count));
  }
  const all = [...by.values()];
  return { by, fallback: all.length > 0 ? all.reduce((a, b) => a + b, 0) / all.length : 0 };
}

/**
 * Seconds left and the fraction done (by estimated time). Before any rate is measured the ETA is null and
 * the fraction weighs phases by their multiply-accumulates (training TRAIN_VS_FORWARD times a forward pass).
 */
export function estimate(plan: WorkPlan, progress: WorkProgressState): { etaSeconds: number | null; fraction: number } {
  const mac = perMac(plan, progress);
  const starts = startUps(plan, progress, mac);
  let left = 0;
  let done = 0;
  let known = Object.keys(mac).length > 0;
  let weightLeft = 0;
  let weightDone = 0;
  for (const p of plan.phases) {
    const d = Math.min(p.units, progress.done[p.key] ?? 0);
    const rate = known ? rateOf(p, progress, mac) : null;
    if (rate === null) known = false;
    else {
      const startUp = starts.by.get(`${p.net}|${p.kind}`) ?? starts.fallback;
      const begun = d > 0 || progress.lastKey === p.key;
      left += (p.units - d) * rate + (begun ? 0 : startUp);
      done += d * rate + (begun ? startUp : 0);
    }
    const weight = p.macs * (p.kind === 'training' ? TRAIN_VS_FORWARD : p.kind === 'ranking' ? 0 : 1);
    weightLeft += (p.units - d) * weight;
    weightDone += d * weight;
  }
  if (known && done + left > 0) return { etaSeconds: left, fraction: done / (done + left) };
  return { etaSeconds: null, fraction: weightDone + weightLeft > 0 ? weightDone / (weightDone + weightLeft) : 0 };
}
