import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { hasWasmTrainingKernels, registerWasmTrainingKernels, WASM_TRAINING_KERNELS } from './register.ts';
import { onBackend, prepareBackends } from '../../testing/backends.ts';

beforeAll(prepareBackends);

describe('registerWasmTrainingKernels', () => {
  it('registers every training kernel once; calling it again changes nothing', () => {
    expect(hasWasmTrainingKernels()).toBe(true);
    const before = WASM_TRAINING_KERNELS.map((k) => tf.getKernel(k, 'wasm'));
    registerWasmTrainingKernels();
    expect(WASM_TRAINING_KERNELS.map((k) => tf.getKernel(k, 'wasm'))).toEqual(before);
    expect(tf.getKernel('Conv2DBackpropFilter', 'cpu')).toBeDefined();
    expect(WASM_TRAINING_KERNELS.every((k) => tf.getKernel(k, 'cpu') !== tf.getKernel(k, 'wasm'))).toBe(true);
  });

  it('makes clones share data with the original, which outlives either', async () => {
    await onBackend('wasm', async () => {
      const ids = tf.engine().backend.numDataIds();
      const a = tf.tensor1d([1, 2, 3]);
      const b = tf.clone(a);
      expect(tf.engine().backend.numDataIds()).toBe(ids + 1);
      a.dispose();
      expect(Array.from(await b.data())).toEqual([1, 2, 3]);
      b.dispose();
      expect(tf.engine().backend.numDataIds()).toBe(ids);
      const s0 = tf.tensor1d(['x'], 'string');
      const s = tf.clone(s0);
      expect(await s.data()).toEqual(['x']);
      tf.dispose([s0, s]);
    });
  });
});
