import * as tf from '@tensorflow/tfjs-core';
import { afterAll, describe, expect, it } from 'vitest';
import { hasWasmTrainingKernels } from '../core/kernels/register.ts';
import { autoThreads, MAX_WASM_THREADS, selectBackend } from './backend.ts';

afterAll(async () => {
  await tf.setBackend('cpu');
});

describe('autoThreads', () => {
  it('gives wasm the idle cores: all of them on an idle machine, fewer when other jobs run, never none', () => {
    expect(autoThreads(2, 0.1)).toBe(2);
    expect(autoThreads(2, 0.8)).toBe(1);
    expect(autoThreads(2, 5)).toBe(1);
    expect(autoThreads(16, 3.2)).toBe(MAX_WASM_THREADS);
    expect(autoThreads(16, 9.6)).toBe(6);
    expect(autoThreads(1, 0)).toBe(1);
  });
});

describe('selectBackend (Node)', () => {
  it('honours a forced cpu and says so', async () => {
    expect(await selectBackend('cpu')).toEqual({ name: 'cpu', reason: 'forced' });
    expect(tf.getBackend()).toBe('cpu');
  });

  it('picks wasm with the training kernels, and says why WebGL is not used', async () => {
    const choice = await selectBackend('webgl', { threads: 1 });
    expect(choice.name).toBe('wasm');
    expect(choice.reason).toMatch(/webgl is not available in Node.*training kernels, SIMD, 1 thread/);
    expect(tf.getBackend()).toBe('wasm');
    expect(hasWasmTrainingKernels()).toBe(true);
  });
});
