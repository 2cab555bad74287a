import '@tensorflow/tfjs-backend-wasm';
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { defaultConfig, type RunConfig } from '../core/config/runConfig.ts';
import type { RunEvent } from '../core/experiment/events.ts';
import { runExperiment } from '../core/experiment/runExperiment.ts';
import { registerWasmTrainingKernels } from '../core/kernels/register.ts';
import { syntheticDataset } from '../testing/syntheticDataset.ts';
import { buildWorkPlan } from './workPlan.ts';
import { calibrationKey, estimateSeconds, plannedWork, splitSizes } from './timeEstimate.ts';

const dataset = syntheticDataset({ train: 240, test: 40, size: 8 });
const shape = { counts: { train: 240, test: 40 }, imageShape: [8, 8, 3] as [number, number, number], classes: 4 };

describe('time estimate before Start', () => {
  beforeAll(async () => {
    registerWasmTrainingKernels();
    await tf.setBackend('wasm');
  });

  it("plans exactly the work the engine announces when it starts (every method, round and phase)", async () => {
    const config: RunConfig = { ...defaultConfig(), model: 'resnet8', pool: 200, test: 30, epochs: 1, batch: 32, budget: 0.2, methods: ['al', 'prunefuse', 'svp'], ratio: [0.5, 0.7] };
    let started: Extract<RunEvent, { type: 'run-started' }> | undefined;
    await runExperiment(config, dataset, { backend: 'wasm', cancelled: () => started !== undefined, emit: (e) => void (e.type === 'run-started' && (started = e)) });
    expect(started).toBeDefined();
    expect(plannedWork(config, shape)).toEqual(buildWorkPlan(started!, config));
  });

  it('sizes the pool and test set as the engine draws them, with and without a test split', () => {
    expect(splitSizes({ pool: 0, test: 0 }, { train: 5000, test: 1000 })).toEqual({ pool: 5000, test: 1000 });
    expect(splitSizes({ pool: 2000, test: 500 }, { train: 5000, test: 1000 })).toEqual({ pool: 2000, test: 500 });
    expect(splitSizes({ pool: 0, test: 0 }, { train: 600, test: 0 })).toEqual({ pool: 500, test: 100 });
  });

  it('prices training and inference per image and MAC, and grows with epochs and pool', () => {
    const speed = { trainPerMac: 1e-9, forwardPerMac: 2e-10 };
    const base = { ...defaultConfig(), model: 'resnet8' as const, pool: 200, test: 40 };
    const one = estimateSeconds(plannedWork(base, shape), speed);
    expect(one).toBeGreaterThan(0);
    expect(estimateSeconds(plannedWork({ ...base, epochs: base.epochs * 2 }, shape), speed)).toBeGreaterThan(1.5 * one);
    expect(estimateSeconds(plannedWork(base, shape), { trainPerMac: 2e-9, forwardPerMac: 4e-10 })).toBeCloseTo(2 * one, 6);
    expect(calibrationKey(base, shape)).toBe('auto|resnet8|64|8x8x3|4');
  });
});
