import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { resnetSpec } from '../models/resnet.ts';
import { initWeights } from '../models/weights.ts';
import { onBackend, prepareBackends } from '../../testing/backends.ts';
import { CHECK, checkRun, compareRuns, maxAbsDiff, relativeError, type CheckRun } from './backendCheck.ts';

const spec = resnetSpec('resnet8', { inputShape: [16, 16, 3], numClasses: 10 });
const weights = initWeights(spec, 0);

describe('error measures', () => {
  it('max |a - b|, and relative to max |b| (absolute where b is all zeros)', () => {
    expect(maxAbsDiff([1, 2, 3], [1, 2.5, 2])).toBe(1);
    expect(relativeError([1, -3, 3], [1, -4, 2])).toBe(0.25);
    expect(relativeError([0.5, 0], [0, 0])).toBe(0.5);
    expect(() => maxAbsDiff([1], [1, 2])).toThrow(/length/);
  });
});

describe('compareRuns', () => {
  const reference: CheckRun = { losses: [2.3, 2.1, 1.9], logits: Float32Array.from([10, -5, 2, 0]) };
  const shifted = (dLoss: number, dLogit: number): CheckRun => ({
    losses: reference.losses.map((l, i) => (i === 1 ? l + dLoss : l)),
    logits: reference.logits.map((l, i) => (i === 2 ? l + dLogit : l)),
  });

  it('passes within 1e-3 on the losses (absolute) and 1e-4 on the logits (relative to the largest cpu logit)', () => {
    const c = compareRuns(shifted(9e-4, 9e-4), reference);
    expect(c.lossMaxAbsDiff).toBeCloseTo(9e-4, 9);
    expect(c.logitsMaxAbsDiff).toBeCloseTo(9e-4, 6);
    // The largest reference logit is 10: 9e-4 absolute is 9e-5 relative.
    expect(c.logitsRelativeError).toBeCloseTo(9e-5, 6);
    expect(c).toMatchObject({ pass: true, lossTolerance: 1e-3, logitTolerance: 1e-4, steps: CHECK.steps, batch: CHECK.batch, size: CHECK.size });
  });

  it('fails past either tolerance, and on a diverged (NaN) run', () => {
    expect(compareRuns(shifted(1.1e-3, 0), reference).pass).toBe(false);
    expect(compareRuns(shifted(0, 1.1e-3), reference).pass).toBe(false);
    expect(compareRuns(shifted(Number.NaN, 0), reference).pass).toBe(false);
  });
});

describe('checkRun', () => {
  beforeAll(prepareBackends);

  it('gives three losses and the logits, the same bits twice on cpu, and leaves no tensor behind', async () => {
    const before = tf.memory().numTensors;
    const a = await checkRun(spec, weights);
    expect(tf.memory().numTensors).toBe(before);
    expect(a.losses).toHaveLength(CHECK.steps);
    expect(a.losses.every(Number.isFinite)).toBe(true);
    expect(a.losses[2]!).toBeLessThan(a.losses[0]!);
    expect(a.logits).toHaveLength(CHECK.logitImages * spec.numClasses);
    const b = await checkRun(spec, weights);
    expect(compareRuns(b, a)).toMatchObject({ lossMaxAbsDiff: 0, logitsMaxAbsDiff: 0, pass: true });
  });

  it('finds wasm (with the training kernels) within the tolerances of cpu', async () => {
    const cpu = await checkRun(spec, weights);
    const wasm = await onBackend('wasm', () => checkRun(spec, weights));
    const c = compareRuns(wasm, cpu);
    expect(c.lossMaxAbsDiff).toBeGreaterThan(0); // a different backend, not the same one twice
    expect(c.pass).toBe(true);
  });
});
