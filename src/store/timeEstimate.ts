/**
 * The time a run will take, before Start: the run's work plan (store/workPlan.ts: every phase's images,
 * per network) priced with a speed calibration measured on this machine's backend (core/train/
 * calibrate.ts: seconds per image and multiply-accumulate, training and inference). Networks other than the
 * calibrated one are priced by their MACs at its rate; small networks use a CPU less well, so their share
 * is, if anything, underestimated. Uniform-scope MACs stand in for global scope (close, and instant).
 */
import { proxyModel, type RunConfig } from '../core/config/runConfig.ts';
import type { MethodMeta, NetworkInfo } from '../core/experiment/events.ts';
import { labelCounts, labelFractions } from '../core/experiment/labelSchedule.ts';
import { planMethods } from '../core/experiment/methods.ts';
import { countMacs, countParams } from '../core/models/count.ts';
import { resnetSpec } from '../core/models/resnet.ts';
import type { ResNetSpec } from '../core/models/spec.ts';
import { prunedSpec } from '../core/prune/summary.ts';
import type { SpeedCalibration } from '../core/train/speedCalibration.ts';
import { buildWorkPlan, type WorkPlan } from './workPlan.ts';

export interface DatasetShape {
  counts: { train: number; test: number };
  imageShape: [number, number, number];
  classes: number;
}

/** Pool and test sizes as the engine draws them (core/experiment/experimentData.ts). */
export function splitSizes(config: Pick<RunConfig, 'pool' | 'test'>, counts: DatasetShape['counts']): { pool: number; test: number } {
  const cap = (n: number, c: number) => (c > 0 ? Math.min(n, c) : n);
  if (counts.test > 0) return { pool: cap(counts.train, config.pool), test: cap(counts.test, config.test) };
  const test = Math.min(config.test > 0 ? config.test : Math.round(counts.train / 6), Math.floor(counts.train / 2));
  return { pool: cap(counts.train - test, config.pool), test };
}

const info = (spec: ResNetSpec, ratio?: number): NetworkInfo => ({ model: spec.model, ...(ratio !== undefined ? { ratio } : {}), params: countParams(spec), macs: countMacs(spec) });

/** The plan the engine will follow for this config on a dataset of this shape. */
export function plannedWork(config: RunConfig, dataset: DatasetShape): WorkPlan {
  const shape = { inputShape: dataset.imageShape, numClasses: dataset.classes };
  const dense = resnetSpec(config.model, shape);
  const denseInfo = info(dense);
  const selectors = new Map<string, NetworkInfo>();
  const methods: MethodMeta[] = planMethods(config).map((m) => {
    let selector = selectors.get(m.track);
    if (!selector) {
      selector = m.ratio !== undefined ? info(prunedSpec(dense, m.ratio, 'uniform'), m.ratio) : m.base === 'svp' ? info(resnetSpec(proxyModel(config), shape)) : denseInfo;
      selectors.set(m.track, selector);
    }
    return { ...m, selector, target: denseInfo };
  });
  const { pool, test } = splitSizes(config, dataset.counts);
  const fractions = labelFractions(config.schedule, config.budget);
  const started = { type: 'run-started' as const, methods, fractions, counts: labelCounts(fractions, pool), poolSize: pool, testSize: test };
  return buildWorkPlan(started, config);
}

/** Seconds the plan takes at the calibrated speed (ranking, a small share, is not priced). */
export function estimateSeconds(plan: WorkPlan, speed: Pick<SpeedCalibration, 'trainPerMac' | 'forwardPerMac'>): number {
  let seconds = 0;
  for (const p of plan.phases) {
    if (p.kind === 'training') seconds += p.units * p.macs * speed.trainPerMac;
    else if (p.kind !== 'ranking') seconds += p.units * p.macs * speed.forwardPerMac;
  }
  return seconds;
}

/** What a calibration depends on: the backend asked for, the model, the batch and the image shape. */
export const calibrationKey = (config: Pick<RunConfig, 'backend' | 'model' | 'batch'>, dataset: Pick<DatasetShape, 'imageShape' | 'classes'>): string =>
  `${config.backend}|${config.model}|${config.batch}|${dataset.imageShape.join('x')}|${dataset.classes}`;
