import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { countParams } from '../models/count.ts';
import { resnetSpec } from '../models/resnet.ts';
import { initWeights } from '../models/weights.ts';
import { benchJob, scaledNote, scaleTimes } from './benchJob.ts';
import { benchNetwork, median, type BenchTimes } from './benchStep.ts';

const spec = resnetSpec('resnet8', { inputShape: [8, 8, 3], numClasses: 4 });
const weights = initWeights(spec, 0);
const small = { batch: 4, images: 3, runs: 2, warmup: 1 };

describe('benchNetwork', () => {
  it('times training steps and inference, with kernel times and batch preparation, and leaves no tensor behind', async () => {
    const before = tf.memory().numTensors;
    const t = await benchNetwork(spec, weights, { ...small, profile: true, batchPrep: true });
    expect(tf.memory().numTensors).toBe(before);
    expect(t.runs).toBe(2);
    expect(t.warmup).toBe(1);
    for (const ms of [t.trainStepMs, t.inferMs]) expect(ms).toBeGreaterThan(0);
    // No host CPU clock: no CPU times (a browser worker has none to give).
    expect(t).not.toHaveProperty('trainStepCpuMs');
    const kernels = t.profile!;
    expect(kernels.length).toBeGreaterThan(0);
    expect(kernels.length).toBeLessThanOrEqual(12);
    expect(kernels.map((k) => k.ms)).toEqual([...kernels.map((k) => k.ms)].sort((a, b) => b - a));
    expect(kernels.map((k) => k.kernel)).toContain('Conv2D');
    const prep = t.batchPrep!;
    expect(prep.steps).toBe(2);
    expect(prep.prepMs).toBeGreaterThan(0);
    expect(prep.stepMs).toBeGreaterThan(prep.prepMs);
    expect(prep.share).toBeCloseTo(prep.prepMs / prep.stepMs, 12);
  });

  it('takes CPU times from the host clock, and lets the host run between our runs in order', async () => {
    let clock = 0;
    const calls: string[] = [];
    let ticks = 0;
    const t = await benchNetwork(spec, weights, {
      ...small,
      cpuClock: () => (clock += 5),
      after: async (what, warm) => void calls.push(`${what}${warm ? '/warm-up' : ''}`),
      tick: () => void (ticks += 1),
    });
    // Each timed run reads the clock twice, 5 ms apart.
    expect(t.trainStepCpuMs).toBe(5);
    expect(t.inferCpuMs).toBe(5);
    expect(calls).toEqual(['train/warm-up', 'infer/warm-up', 'train', 'train', 'infer', 'infer']);
    expect(ticks).toBe(6);
    expect(t).not.toHaveProperty('profile');
    expect(t).not.toHaveProperty('batchPrep');
  });
});

describe('median', () => {
  it('is the middle value, or the mean of the middle two', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(() => median([])).toThrow(RangeError);
  });
});

describe('benchJob and scaling', () => {
  it('prunes the named network at the ratio, with the same seeded weights every time', () => {
    const dense = benchJob('resnet20', 0);
    const pruned = benchJob('resnet20', 0.5);
    expect(countParams(dense.spec)).toBe(countParams(resnetSpec('resnet20')));
    expect(countParams(pruned.spec)).toBeLessThan(countParams(dense.spec) / 2);
    expect(benchJob('resnet20', 0.5).weights['fc.kernel']!.values).toEqual(pruned.weights['fc.kernel']!.values);
  });

  it('scales a small measurement linearly to the full size, and says so', () => {
    const t: BenchTimes = { trainStepMs: 10, inferMs: 4, trainStepCpuMs: 8, inferCpuMs: 2, runs: 1, warmup: 1 };
    const s = scaleTimes(t, { batch: 8, images: 8 }, { batch: 64, images: 256 });
    expect(s).toMatchObject({ trainStepMs: 80, inferMs: 128, trainStepCpuMs: 64, inferCpuMs: 64, runs: 1 });
    expect(scaledNote('cpu', { batch: 1, images: 16 }, { batch: 64, images: 256 }, 3, 1)).toBe(
      'cpu measured at batch 1 (training, 3 runs after 1 warm-up) and 16 images (inference), scaled linearly to 64 and 256',
    );
  });
});
