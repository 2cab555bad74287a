import * as tf from '@tensorflow/tfjs-core';
import { afterAll, describe, expect, it } from 'vitest';
import { hasWasmTrainingKernels } from '../core/kernels/register.ts';
import { selectBackend } from './backend.ts';

afterAll(async () => {
  await tf.setBackend('cpu');
});

describe('selectBackend (Node)', () => {
  it('honours a forced cpu and says so', async () => {
    expect(await selectBackend('cpu')).toEqual({ name: 'cpu', reason: 'forced' });
    expect(tf.getBackend()).toBe('cpu');
  });

  it('picks wasm with the training kernels, and says why WebGPU is not used', async () => {
    const choice = await selectBackend('webgpu', { threads: 1 });
    expect(choice.name).toBe('wasm');
    expect(choice.reason).toMatch(/webgpu is not available in Node.*training kernels, SIMD, 1 thread/);
    expect(tf.getBackend()).toBe('wasm');
    expect(hasWasmTrainingKernels()).toBe(true);
  });
});
