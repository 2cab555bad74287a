/**
 * Test helpers for comparing the wasm backend (with our training kernels) against the cpu backend:
 * seeded data, running the same code on each backend, and relative error. Test-only; not imported by
 * the kernels.
 */
import '@tensorflow/tfjs-backend-wasm';
import * as tf from '@tensorflow/tfjs-core';
import { afterAll, beforeAll } from 'vitest';
import { Rng } from '../core/rng.ts';
import { registerWasmTrainingKernels } from '../core/kernels/register.ts';

/** The relative error the kernel tests and the benchmark's backend check use. */
export { relativeError } from '../core/train/backendCheck.ts';

export type BackendName = 'cpu' | 'wasm';

/** Starts wasm (single-threaded, as tfjs gives Node) with the training kernels; leaves cpu current. */
export async function prepareBackends(): Promise<void> {
  registerWasmTrainingKernels();
  await tf.setBackend('wasm');
  await tf.setBackend('cpu');
}

/** Runs `f` with `backend` current, then makes cpu current again. */
export async function onBackend<T>(backend: BackendName, f: () => T | Promise<T>): Promise<T> {
  await tf.setBackend(backend);
  try {
    return await f();
  } finally {
    await tf.setBackend('cpu');
  }
}

export function normalValues(n: number, rng: Rng, scale = 1): Float32Array {
  const v = new Float32Array(n);
  for (let i = 0; i < n; i++) v[i] = rng.normal() * scale;
  return v;
}

export function randomValues(shape: number[], seed: number, name: string): Float32Array {
  return normalValues(shape.reduce((a, b) => a * b, 1), new Rng(seed, name));
}

export async function valuesOf(t: tf.Tensor): Promise<Float32Array> {
  const v = (await t.data()) as Float32Array;
  t.dispose();
  return v;
}

/**
 * For a test file that trains: the wasm backend with the training kernels for its tests (the cpu backend
 * takes minutes for what wasm does in seconds), cpu again afterwards.
 */
export function trainOnWasm(): void {
  beforeAll(async () => {
    await tf.setBackend('wasm');
    registerWasmTrainingKernels();
  });
  afterAll(async () => {
    await tf.setBackend('cpu');
  });
}
