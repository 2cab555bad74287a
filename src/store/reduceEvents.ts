/**
 * Folds a batch of worker events into the run state and the metrics. Pure: returns new objects only for
 * the parts that changed, so a chart that selects an unchanged part does not render again.
 */
import type { LabEvent } from '../protocol/workerProtocol.ts';
import type { Metrics, RunState } from './types.ts';
import { endOfRun } from './runEnd.ts';
import { buildWorkPlan, emptyProgress, estimate, phaseKey, recordProgress } from './workPlan.ts';

const NONE: readonly never[] = Object.freeze([]);
const NO_ROUNDS: Metrics['rounds'] = Object.freeze({});

/** No metrics. The empty parts are shared constants, so resetting empty metrics redraws nothing. */
export const emptyMetrics = (): Metrics => ({
  methods: NONE, fractions: NONE, counts: NONE, poolSize: 0, testSize: 0, rounds: NO_ROUNDS, curves: NONE, live: null, results: null,
});

const liveLabel = (role: 'selector' | 'target', track: string, round: number, method?: string): string =>
  `${role === 'selector' ? `selector of ${track}` : `target of ${method ?? track}`}, round ${round + 1}`;

export function reduceEvents(run: RunState, metrics: Metrics, events: readonly LabEvent[], nowMs: number): { run: RunState; metrics: Metrics } {
  let r = run;
  let m = metrics;
  const epochs = run.config?.epochs ?? 1;
  let moved = false;
  for (const e of events) {
    switch (e.type) {
      case 'status':
        r = { ...r, activity: e.text };
        break;
      case 'backend':
        r = { ...r, backend: { name: e.name, reason: e.reason } };
        break;
      case 'device-lost':
        // Ops fail as the device goes, so the run may have failed already: the loss says why.
        r = { ...r, deviceLost: e.message, ...(r.status === 'failed' ? { error: e.message } : {}) };
        break;
      case 'run-started':
        m = { ...emptyMetrics(), methods: e.methods, fractions: e.fractions, counts: e.counts, poolSize: e.poolSize, testSize: e.testSize, rounds: Object.fromEntries(e.methods.map((x) => [x.method, []])) };
        r = {
          ...r, status: r.status === 'cancelling' ? r.status : 'running', activity: null,
          plan: buildWorkPlan(e, { epochs, metric: run.config?.metric ?? 'lc' }),
          progress: { ...emptyProgress(), startedAt: e.at ?? null, lastAt: e.at ?? null }, done: 0, trainingSince: nowMs, etaSeconds: null,
        };
        break;
      case 'round-started':
        break;
      case 'step': {
        const stepsPerEpoch = Math.max(1, e.totalSteps / epochs);
        const phase = { kind: 'training' as const, track: e.track, role: e.role, ...(e.method ? { method: e.method } : {}), round: e.round, rounds: m.counts.length, step: e.step, totalSteps: e.totalSteps, epoch: Math.min(epochs, Math.ceil(e.step / stepsPerEpoch)), epochs };
        r = { ...r, phase, ...(r.plan && r.progress ? { progress: recordProgress(r.plan, r.progress, e, e.at) } : {}) };
        moved = true;
        break;
      }
      case 'work': {
        const epoch = r.phase && r.phase.kind === 'training' && r.phase.track === e.track && r.phase.role === e.role ? r.phase.epoch : epochs;
        const phase = { kind: e.phase, track: e.track, role: e.role, ...(e.method ? { method: e.method } : {}), round: e.round, rounds: m.counts.length, step: e.done, totalSteps: e.total, epoch, epochs };
        r = { ...r, phase, ...(r.plan && r.progress ? { progress: recordProgress(r.plan, r.progress, e, e.at) } : {}) };
        moved = true;
        break;
      }
      case 'epoch': {
        const key = phaseKey('training', e.track, e.round, e.role, e.method);
        const points = m.live?.key === key ? [...m.live.points, e.metrics] : [e.metrics];
        m = { ...m, live: { key, label: liveLabel(e.role, e.track, e.round, e.method), epochs: e.epochs, points } };
        break;
      }
      case 'selection-done':
        break;
      case 'checkpoint':
        m = { ...m, results: e.results };
        break;
      case 'target-finished':
        m = { ...m, curves: [...m.curves, e.curve] };
        break;
      case 'round-finished':
        m = { ...m, rounds: { ...m.rounds, [e.method]: [...(m.rounds[e.method] ?? []), e.result] } };
        break;
      case 'run-finished':
        m = { ...m, results: e.results };
        r = { ...r, status: 'done', seconds: e.results.seconds, done: r.plan?.total ?? r.done, etaSeconds: 0, phase: null, activity: null };
        break;
      case 'run-stopped':
        m = { ...m, results: e.results };
        r = { ...r, ...endOfRun(r, e.cancelled, e.reason), seconds: e.results.seconds, etaSeconds: null, activity: null };
        break;
    }
  }
  if (moved && r.plan && r.progress && r.status !== 'done') {
    const { etaSeconds, fraction } = estimate(r.plan, r.progress);
    r = { ...r, done: Math.max(r.done, fraction), etaSeconds };
  }
  return { run: r, metrics: m };
}
