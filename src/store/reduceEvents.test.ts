import '@tensorflow/tfjs-backend-wasm';
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { defaultConfig, type RunConfig } from '../core/config/runConfig.ts';
import type { RunEvent } from '../core/experiment/events.ts';
import { runExperiment } from '../core/experiment/runExperiment.ts';
import { registerWasmTrainingKernels } from '../core/kernels/register.ts';
import { onInferenceProgress } from '../core/train/inferenceProgress.ts';
import type { LabEvent } from '../protocol/workerProtocol.ts';
import { syntheticDataset } from '../testing/syntheticDataset.ts';
import { emptyMetrics, reduceEvents } from './reduceEvents.ts';
import type { RunState } from './types.ts';
import { phaseKey, progressOf } from './workPlan.ts';

const config: RunConfig = {
  ...defaultConfig(),
  model: 'resnet8', pool: 60, test: 20, epochs: 2, batch: 8, budget: 0.2, schedule: [0.05, 0.05],
  ratio: [0.5, 0.7], methods: ['al', 'prunefuse', 'prunefuse-nokd', 'prunefuse-nofuse', 'svp'],
};

const startRun = (): RunState => ({
  status: 'starting', id: 1, origin: 'live', historyId: null, title: null, config, backend: null, activity: null, error: null, notice: null, deviceLost: null,
  phase: null, plan: null, progress: null, done: 0, trainingSince: null, etaSeconds: null, seconds: null,
});

let events: RunEvent[] = [];
/** The same run with the worker's 'work' reports between the engine's events, tagged as the worker tags them. */
let withWork: LabEvent[] = [];

beforeAll(async () => {
  await tf.setBackend('wasm');
  registerWasmTrainingKernels();
  const dataset = syntheticDataset({ train: 100, test: 30, size: 8 });
  events = [];
  withWork = [];
  let tag: { track: string; role: 'selector' | 'target'; method?: string; round: number } | null = null;
  onInferenceProgress((phase, done, total) => {
    if (!tag) return;
    withWork.push({ type: 'work', phase, ...(phase === 'evaluating' ? tag : { track: tag.track, role: 'selector' as const, round: tag.round }), done, total });
  });
  const emit = (e: RunEvent) => {
    if (e.type === 'step') tag = { track: e.track, role: e.role, ...(e.method ? { method: e.method } : {}), round: e.round };
    events.push(e);
    withWork.push(e);
  };
  try {
    await runExperiment(config, dataset, { backend: 'wasm', emit, cancelled: () => false });
  } finally {
    onInferenceProgress(undefined);
  }
});

describe('reduceEvents over a real event stream', () => {
  it('ends with every round of every method, the results, and progress at 100%', () => {
    let run = startRun();
    let metrics = emptyMetrics();
    const done: number[] = [];
    // Batches of three, as the worker might send them.
    for (let i = 0; i < withWork.length; i += 3) {
      ({ run, metrics } = reduceEvents(run, metrics, withWork.slice(i, i + 3), i));
      done.push(run.done);
    }
    const results = events.at(-1)!.type === 'run-finished' ? (events.at(-1) as Extract<RunEvent, { type: 'run-finished' }>).results : null;
    expect(results?.complete).toBe(true);
    expect(run.status).toBe('done');
    expect(metrics.results).toBe(results);
    expect(Object.keys(metrics.rounds).sort()).toEqual(results!.methods.map((m) => m.method).sort());
    for (const m of results!.methods) expect(metrics.rounds[m.method]).toEqual(m.rounds);
    expect(metrics.curves).toHaveLength(results!.methods.reduce((n, m) => n + m.curves.length, 0));
    expect(done).toEqual([...done].sort((a, b) => a - b));
    expect(run.done).toBe(run.plan!.total);
    // Every phase of the plan was reported complete.
    for (const p of run.plan!.phases) expect(run.progress!.done[p.key] ?? 0, p.key).toBeCloseTo(p.units, 6);
  });

  it('places every step event in a phase of the work plan', () => {
    let run = startRun();
    const started = events.find((e) => e.type === 'run-started')!;
    run = reduceEvents(run, emptyMetrics(), [started], 0).run;
    const steps = events.filter((e): e is Extract<RunEvent, { type: 'step' }> => e.type === 'step');
    expect(steps.length).toBeGreaterThan(0);
    for (const e of steps) expect(progressOf(run.plan!, run.progress!, e), `${e.track} ${e.role} ${e.method}`).toBeDefined();
    // Phases follow the engine's order: each step lands at or after the previous one's phase.
    const starts = steps.map((e) => run.plan!.index[phaseKey('training', e.track, e.round, e.role, e.method)]!);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
  });

  it('keeps the finished rounds when a run stops', () => {
    const stopAt = events.findIndex((e) => e.type === 'round-finished') + 1;
    const partial = events.slice(0, stopAt);
    const stopped: RunEvent = { type: 'run-stopped', reason: 'cancelled', cancelled: true, results: (events.at(-1) as Extract<RunEvent, { type: 'run-finished' }>).results };
    const { run, metrics } = reduceEvents(startRun(), emptyMetrics(), [...partial, stopped], 0);
    expect(run.status).toBe('cancelled');
    expect(run.error).toBeNull();
    expect(Object.values(metrics.rounds).flat().length).toBe(1);
  });

  it('a run stopped after its WebGPU device was lost failed, and says so', () => {
    const stopAt = events.findIndex((e) => e.type === 'round-finished') + 1;
    const lost = { type: 'device-lost', message: 'WebGPU device lost (destroyed)' } as const;
    const stopped: RunEvent = { type: 'run-stopped', reason: 'cancelled', cancelled: true, results: (events.at(-1) as Extract<RunEvent, { type: 'run-finished' }>).results };
    const { run, metrics } = reduceEvents(startRun(), emptyMetrics(), [...events.slice(0, stopAt), lost, stopped], 0);
    expect(run.status).toBe('failed');
    expect(run.error).toBe('WebGPU device lost (destroyed)');
    expect(run.deviceLost).toBe('WebGPU device lost (destroyed)');
    expect(Object.values(metrics.rounds).flat().length).toBe(1);
  });

  it('restarts the live curve when another network starts training', () => {
    const epochs = events.filter((e) => e.type === 'epoch');
    const first = reduceEvents(startRun(), emptyMetrics(), epochs.slice(0, 2), 0).metrics.live!;
    expect(first.points.map((p) => p.epoch)).toEqual([1, 2]);
    const next = reduceEvents(startRun(), emptyMetrics(), epochs.slice(0, 3), 0).metrics.live!;
    expect(next.points.map((p) => p.epoch)).toEqual([1]);
    expect(next.key).not.toBe(first.key);
  });
});
