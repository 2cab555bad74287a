// Batch norm (src/core/models/batchNorm.ts) against tfjs's own ops and their autodiff, on cpu and wasm.
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { BN_EPSILON, batchNormInference, batchNormTraining } from '../models/batchNorm.ts';
import { onBackend, prepareBackends, randomValues, relativeError, type BackendName } from '../../testing/backends.ts';

const SHAPE: [number, number, number, number] = [3, 5, 7, 6];
const C = SHAPE[3];

/** The textbook formulation: tf.moments and tf.batchNorm4d, differentiated by tfjs. */
function reference(x: tf.Tensor4D, gamma: tf.Tensor1D, beta: tf.Tensor1D) {
  const { mean, variance } = tf.moments(x, [0, 1, 2]);
  return { y: tf.batchNorm4d(x, mean as tf.Tensor1D, variance as tf.Tensor1D, beta, gamma, BN_EPSILON), mean, variance };
}

type Impl = (x: tf.Tensor4D, gamma: tf.Tensor1D, beta: tf.Tensor1D) => { y: tf.Tensor4D; mean: tf.Tensor; variance: tf.Tensor };
const ours: Impl = (x, gamma, beta) => {
  const { y, moments } = batchNormTraining(x, gamma, beta);
  return { y, mean: moments.mean, variance: moments.variance };
};

async function run(backend: BackendName, impl: Impl) {
  return onBackend(backend, async () => {
    // An offset and a scale per channel, as conv outputs have.
    const x = tf.tidy(() => tf.add(tf.mul(tf.tensor4d(randomValues(SHAPE, 1, 'x'), SHAPE), tf.linspace(0.5, 3, C)), tf.linspace(-2, 4, C))) as tf.Tensor4D;
    const gamma = tf.tensor1d(randomValues([C], 1, 'gamma'));
    const beta = tf.tensor1d(randomValues([C], 1, 'beta'));
    const probe = tf.tensor4d(randomValues(SHAPE, 1, 'probe'), SHAPE);
    const before = tf.memory().numTensors;
    let stats: tf.Tensor[] = [];
    const { value, grads } = tf.valueAndGrads((xi: tf.Tensor, g: tf.Tensor, b: tf.Tensor) => {
      const out = impl(xi as tf.Tensor4D, g as tf.Tensor1D, b as tf.Tensor1D);
      stats = [tf.keep(out.mean), tf.keep(out.variance)];
      return tf.sum(tf.mul(out.y, probe)) as tf.Scalar;
    })([x, gamma, beta]);
    const read = async (t: tf.Tensor) => (await t.data()) as Float32Array;
    const result = { loss: await read(value), dx: await read(grads[0]!), dgamma: await read(grads[1]!), dbeta: await read(grads[2]!), mean: await read(stats[0]!), variance: await read(stats[1]!) };
    tf.dispose([value, ...grads, ...stats]);
    const leaked = tf.memory().numTensors - before;
    tf.dispose([x, gamma, beta, probe]);
    return { ...result, leaked };
  });
}

beforeAll(prepareBackends);

describe('batchNormTraining', () => {
  it.each(['cpu', 'wasm'] as const)('matches tf.moments + tf.batchNorm4d and their gradients on %s', async (backend) => {
    const want = await run('cpu', reference);
    const got = await run(backend, ours);
    for (const key of ['loss', 'dx', 'dgamma', 'dbeta', 'mean', 'variance'] as const) {
      expect(relativeError(got[key], want[key]), key).toBeLessThan(1e-4);
    }
    expect(got.leaked).toBe(0);
  });
});

describe('batchNormInference', () => {
  it.each(['cpu', 'wasm'] as const)('matches tf.batchNorm4d on %s', async (backend) => {
    const args = () => [
      tf.tensor4d(randomValues(SHAPE, 2, 'x'), SHAPE), tf.tensor1d(randomValues([C], 2, 'mean')),
      tf.abs(tf.tensor1d(randomValues([C], 2, 'variance'))), tf.tensor1d(randomValues([C], 2, 'gamma')), tf.tensor1d(randomValues([C], 2, 'beta')),
    ] as const;
    const want = await onBackend('cpu', () => tf.tidy(() => {
      const [x, m, v, g, b] = args();
      return tf.batchNorm4d(x, m, v, b, g, BN_EPSILON);
    }).data());
    const got = await onBackend(backend, () => tf.tidy(() => {
      const [x, m, v, g, b] = args();
      return batchNormInference(x, m, v, g, b);
    }).data());
    expect(relativeError(got, want)).toBeLessThan(1e-5);
  });
});
