import '@tensorflow/tfjs-backend-wasm';
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { registerWasmTrainingKernels } from '../kernels/register.ts';
import { countMacs } from '../models/count.ts';
import { resnetSpec } from '../models/resnet.ts';
import { calibrate, MAX_STEPS, MIN_STEPS } from './calibrate.ts';

describe('speed calibration', () => {
  beforeAll(async () => {
    registerWasmTrainingKernels();
    await tf.setBackend('wasm');
  });

  it('times real training steps and a forward pass, and leaves no tensor behind', async () => {
    const spec = resnetSpec('resnet8', { inputShape: [16, 16, 3], numClasses: 10 });
    const before = tf.memory().numTensors;
    const c = await calibrate(spec, 8, 'wasm');
    expect(tf.memory().numTensors).toBe(before);
    expect(c.steps).toBeGreaterThanOrEqual(MIN_STEPS);
    expect(c.steps).toBeLessThanOrEqual(MAX_STEPS);
    expect(c.trainSeconds).toBeGreaterThan(0);
    expect(c.trainPerMac).toBeCloseTo(c.trainSeconds / (c.steps * 8 * countMacs(spec)), 20);
    // A training step (forward, backward, update) costs more per image than inference.
    expect(c.trainPerMac).toBeGreaterThan(c.forwardPerMac);
  });

  it('stops early when cancelled and says so', async () => {
    const spec = resnetSpec('resnet8', { inputShape: [8, 8, 3], numClasses: 4 });
    const before = tf.memory().numTensors;
    await expect(calibrate(spec, 4, 'wasm', () => true)).rejects.toThrow('cancelled');
    expect(tf.memory().numTensors).toBe(before);
  });
});
