import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { Rng } from '../rng.ts';
import { onBackend, prepareBackends, randomValues, relativeError, valuesOf, type BackendName } from '../../testing/backends.ts';
import { conv2dBackpropFilterConfig, type FilterGradForm } from './conv2dBackpropFilter.ts';

interface ConvCase {
  n: number;
  h: number;
  w: number;
  ci: number;
  co: number;
  k: 1 | 3;
  s: 1 | 2 | 3;
  pad: 'same' | 'valid';
}

const label = (c: ConvCase) => `${c.n}x${c.h}x${c.w}x${c.ci} -> ${c.co}, ${c.k}x${c.k}/${c.s} ${c.pad}`;

/** Every layer shape of the CIFAR ResNets at a small batch, plus odd sizes and narrow (pruned) widths. */
const FIXED: ConvCase[] = [
  { n: 1, h: 32, w: 32, ci: 3, co: 16, k: 3, s: 1, pad: 'same' },
  { n: 1, h: 32, w: 32, ci: 16, co: 16, k: 3, s: 1, pad: 'same' },
  { n: 1, h: 32, w: 32, ci: 16, co: 32, k: 3, s: 2, pad: 'same' },
  { n: 2, h: 32, w: 32, ci: 16, co: 32, k: 1, s: 2, pad: 'same' },
  { n: 1, h: 16, w: 16, ci: 32, co: 64, k: 3, s: 2, pad: 'same' },
  { n: 2, h: 8, w: 8, ci: 64, co: 64, k: 3, s: 1, pad: 'same' },
  { n: 3, h: 7, w: 7, ci: 8, co: 16, k: 3, s: 2, pad: 'same' },
  { n: 3, h: 7, w: 9, ci: 8, co: 16, k: 1, s: 2, pad: 'same' },
  { n: 1, h: 5, w: 6, ci: 5, co: 3, k: 1, s: 1, pad: 'same' },
  { n: 2, h: 1, w: 1, ci: 4, co: 4, k: 3, s: 2, pad: 'same' },
  { n: 2, h: 9, w: 8, ci: 4, co: 6, k: 3, s: 2, pad: 'valid' },
  { n: 2, h: 6, w: 7, ci: 4, co: 6, k: 3, s: 1, pad: 'valid' },
  { n: 2, h: 8, w: 7, ci: 3, co: 4, k: 3, s: 3, pad: 'same' },
];

function randomCases(count: number, seed: number): ConvCase[] {
  const rng = new Rng(seed, 'conv-cases');
  const pick = <T>(xs: readonly T[]): T => xs[rng.int(xs.length)]!;
  return Array.from({ length: count }, () => {
    const c = {
      n: 1 + rng.int(3), h: 1 + rng.int(12), w: 1 + rng.int(12),
      ci: pick([1, 2, 3, 4, 5, 8, 16]), co: pick([1, 2, 4, 5, 8, 12, 16, 32]),
      k: pick([1, 3] as const), s: pick([1, 2, 3] as const),
    };
    const valid = pick([false, true]) && c.h >= c.k && c.w >= c.k;
    return { ...c, pad: valid ? 'valid' as const : 'same' as const };
  });
}

const CASES = [...FIXED, ...randomCases(24, 7)];

/** dW and dx of one case on one backend, through the kernels a conv2d gradient runs. */
async function gradients(backend: BackendName, c: ConvCase, seed: number): Promise<{ dw: Float32Array; dx: Float32Array }> {
  const xShape = [c.n, c.h, c.w, c.ci];
  const fShape = [c.k, c.k, c.ci, c.co];
  const ho = c.pad === 'same' ? Math.ceil(c.h / c.s) : Math.ceil((c.h - c.k + 1) / c.s);
  const wo = c.pad === 'same' ? Math.ceil(c.w / c.s) : Math.ceil((c.w - c.k + 1) / c.s);
  const dyShape = [c.n, ho, wo, c.co];
  return onBackend(backend, async () => {
    const x = tf.tensor4d(randomValues(xShape, seed, 'x'), xShape as [number, number, number, number]);
    const f = tf.tensor4d(randomValues(fShape, seed, 'f'), fShape as [number, number, number, number]);
    const dy = tf.tensor4d(randomValues(dyShape, seed, 'dy'), dyShape as [number, number, number, number]);
    const attrs = { strides: [c.s, c.s], pad: c.pad, dataFormat: 'NHWC', dimRoundingMode: undefined };
    const dw = tf.engine().runKernel('Conv2DBackpropFilter', { x, dy }, { ...attrs, filterShape: fShape } as never) as tf.Tensor;
    const dx = tf.engine().runKernel('Conv2DBackpropInput', { dy, filter: f }, { ...attrs, inputShape: xShape } as never) as tf.Tensor;
    expect(dw.shape).toEqual(fShape);
    expect(dx.shape).toEqual(xShape);
    const out = { dw: await valuesOf(dw), dx: await valuesOf(dx) };
    tf.dispose([x, f, dy]);
    return out;
  });
}

beforeAll(prepareBackends);

describe('wasm conv2d gradient kernels', () => {
  it.each(CASES.map((c, i) => [label(c), c, i] as const))('match the cpu backend: %s', async (_, c, i) => {
    const cpu = await gradients('cpu', c, i);
    const before = await onBackend('wasm', () => tf.memory().numTensors);
    const wasm = await gradients('wasm', c, i);
    expect(await onBackend('wasm', () => tf.memory().numTensors)).toBe(before);
    expect(relativeError(wasm.dw, cpu.dw)).toBeLessThan(1e-4);
    expect(relativeError(wasm.dx, cpu.dx)).toBeLessThan(1e-4);
  });

  it.each([FIXED[1]!, FIXED[2]!, FIXED[3]!])('free every intermediate (and view) on the wasm heap: %o', async (c) => {
    await gradients('wasm', c, 0);
    const before = await onBackend('wasm', () => tf.engine().backend.numDataIds());
    await gradients('wasm', c, 0);
    expect(await onBackend('wasm', () => tf.engine().backend.numDataIds())).toBe(before);
  });

  const formCases = (form: FilterGradForm) => FIXED.map((c, i) => [form, label(c), c, i] as const);
  it.each((['direct', 'gemm', 'conv'] as const).flatMap(formCases))(
    'each filter-gradient form matches the cpu backend: %s, %s', async (form, _, c, i) => {
      const cpu = await gradients('cpu', c, i);
      const wasm = await onBackend('wasm', () => filterGradient(c, i, form));
      expect(relativeError(wasm, cpu.dw)).toBeLessThan(1e-4);
    });

  it.each([...FIXED, ...randomCases(40, 11)].map((c, i) => [label(c), c, i] as const))(
    'the direct filter gradient gives the GEMM form\'s bits: %s', async (_, c, i) => {
      const direct = await onBackend('wasm', () => filterGradient(c, i, 'direct'));
      const gemm = await onBackend('wasm', () => filterGradient(c, i, 'gemm'));
      expect(direct).toEqual(gemm);
    });

  it('refuse a forced direct form that does not fit (unequal strides)', async () => {
    await onBackend('wasm', () => {
      const x = tf.zeros([1, 4, 4, 4]);
      const dy = tf.zeros([1, 4, 2, 6]);
      const before = tf.engine().backend.numDataIds();
      const kernel = conv2dBackpropFilterConfig('wasm', 'direct').kernelFunc;
      const attrs = { strides: [1, 2], pad: 'same', dataFormat: 'NHWC', dimRoundingMode: undefined, filterShape: [3, 3, 4, 6] };
      expect(() => kernel({ inputs: { x, dy }, backend: tf.engine().backend, attrs } as never)).toThrow(/no direct form for strides 1, 2/);
      expect(tf.engine().backend.numDataIds()).toBe(before);
      tf.dispose([x, dy]);
    });
  });

  it('leave unequal strides to the kernel they replace, and refuse NCHW filter gradients by name', async () => {
    const c: ConvCase = { n: 1, h: 6, w: 6, ci: 2, co: 3, k: 3, s: 1, pad: 'same' };
    const cpu = await onBackend('cpu', () => runUneven(c));
    const wasm = await onBackend('wasm', () => runUneven(c));
    expect(relativeError(wasm, cpu)).toBeLessThan(1e-4);
    await onBackend('wasm', () => {
      const x = tf.zeros([1, 2, 6, 6]);
      const dy = tf.zeros([1, 3, 6, 6]);
      expect(() => tf.engine().runKernel('Conv2DBackpropFilter', { x, dy }, { strides: 1, pad: 'same', dataFormat: 'NCHW', filterShape: [3, 3, 2, 3] } as never))
        .toThrow(/NHWC only/);
      tf.dispose([x, dy]);
    });
  });
});

/** dW of one case through one form of the wasm kernel, called directly; checks it frees what it made. */
async function filterGradient(c: ConvCase, seed: number, form: FilterGradForm): Promise<Float32Array> {
  const xShape = [c.n, c.h, c.w, c.ci] as [number, number, number, number];
  const fShape = [c.k, c.k, c.ci, c.co] as [number, number, number, number];
  const out = tf.conv2d(tf.zeros(xShape) as tf.Tensor4D, tf.zeros(fShape) as tf.Tensor4D, c.s, c.pad);
  const x = tf.tensor4d(randomValues(xShape, seed, 'x'), xShape);
  const dy = tf.tensor4d(randomValues(out.shape, seed, 'dy'), out.shape as [number, number, number, number]);
  const before = tf.engine().backend.numDataIds();
  const kernel = conv2dBackpropFilterConfig('wasm', form).kernelFunc;
  const attrs = { strides: [c.s, c.s], pad: c.pad, dataFormat: 'NHWC', dimRoundingMode: undefined, filterShape: fShape };
  const info = kernel({ inputs: { x, dy }, backend: tf.engine().backend, attrs } as never) as tf.TensorInfo;
  expect(tf.engine().backend.numDataIds()).toBe(before + 1);
  const values = tf.engine().backend.readSync(info.dataId) as Float32Array;
  tf.engine().backend.disposeData(info.dataId);
  tf.dispose([out, x, dy]);
  return values;
}

function runUneven(c: ConvCase): Promise<Float32Array> {
  const dy = tf.tensor4d(randomValues([c.n, 6, 3, c.co], 1, 'dy'), [c.n, 6, 3, c.co]);
  const f = tf.tensor4d(randomValues([c.k, c.k, c.ci, c.co], 1, 'f'), [c.k, c.k, c.ci, c.co]);
  const dx = tf.engine().runKernel('Conv2DBackpropInput', { dy, filter: f }, { strides: [1, 2], pad: 'same', dataFormat: 'NHWC', inputShape: [c.n, c.h, c.w, c.ci] } as never) as tf.Tensor;
  tf.dispose([dy, f]);
  return valuesOf(dx);
}
