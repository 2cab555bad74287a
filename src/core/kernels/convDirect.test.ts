import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { onBackend, prepareBackends } from '../../testing/backends.ts';
import { Rng } from '../rng.ts';
import { conv2dDirectConfig, directConvInfo } from './convDirect.ts';
import { DIRECT_KERNELS_WASM } from './directKernelsBinary.ts';
import { replacedWasmKernel } from './register.ts';

beforeAll(prepareBackends);

interface Case {
  n: number;
  h: number;
  w: number;
  ci: number;
  co: number;
  k: number;
  s: number;
  pad: 'same' | 'valid' | [[number, number], [number, number]];
}

const label = (c: Case) => `${c.n}x${c.h}x${c.w}x${c.ci} -> ${c.co}, ${c.k}x${c.k}/${c.s} ${JSON.stringify(c.pad)}`;

/** The ResNets' layer shapes at a small batch, pruned widths (in fours and not), every tile's tails, odd and tiny images. */
const CASES: Case[] = [
  { n: 2, h: 32, w: 32, ci: 3, co: 16, k: 3, s: 1, pad: 'same' },
  { n: 2, h: 32, w: 32, ci: 16, co: 16, k: 3, s: 1, pad: 'same' },
  { n: 2, h: 32, w: 32, ci: 16, co: 32, k: 3, s: 2, pad: 'same' },
  { n: 2, h: 32, w: 32, ci: 16, co: 32, k: 1, s: 2, pad: 'same' },
  { n: 2, h: 16, w: 16, ci: 32, co: 64, k: 3, s: 2, pad: 'same' },
  { n: 2, h: 8, w: 8, ci: 64, co: 64, k: 3, s: 1, pad: 'same' },
  { n: 3, h: 32, w: 32, ci: 8, co: 8, k: 3, s: 1, pad: 'same' },
  { n: 2, h: 9, w: 11, ci: 5, co: 28, k: 3, s: 1, pad: 'same' },
  { n: 2, h: 7, w: 13, ci: 7, co: 12, k: 3, s: 2, pad: 'same' },
  { n: 1, h: 6, w: 5, ci: 2, co: 4, k: 3, s: 1, pad: 'valid' },
  { n: 2, h: 9, w: 8, ci: 4, co: 20, k: 3, s: 2, pad: 'valid' },
  { n: 2, h: 1, w: 1, ci: 4, co: 4, k: 3, s: 1, pad: 'same' },
  { n: 2, h: 2, w: 2, ci: 3, co: 8, k: 3, s: 2, pad: 'same' },
  { n: 1, h: 8, w: 7, ci: 3, co: 4, k: 3, s: 3, pad: 'same' },
  { n: 2, h: 10, w: 9, ci: 6, co: 24, k: 5, s: 1, pad: 'same' },
  { n: 2, h: 8, w: 8, ci: 16, co: 8, k: 2, s: 1, pad: [[0, 1], [1, 0]] },
  { n: 2, h: 8, w: 8, ci: 16, co: 8, k: 3, s: 1, pad: [[2, 0], [0, 2]] },
  { n: 2, h: 9, w: 10, ci: 5, co: 11, k: 3, s: 1, pad: 'same' },
  { n: 2, h: 9, w: 10, ci: 11, co: 22, k: 3, s: 2, pad: 'same' },
  { n: 2, h: 6, w: 7, ci: 3, co: 1, k: 3, s: 1, pad: 'same' },
  { n: 2, h: 6, w: 7, ci: 3, co: 2, k: 1, s: 1, pad: 'valid' },
  { n: 2, h: 8, w: 8, ci: 8, co: 6, k: 3, s: 1, pad: 'same' },
  { n: 1, h: 5, w: 5, ci: 4, co: 19, k: 3, s: 2, pad: 'same' },
];

/** Cases it must leave to XNNPACK: a pad as large as the filter, unequal strides. */
const NOT_FITTING: Case[] = [
  { n: 2, h: 8, w: 8, ci: 8, co: 8, k: 3, s: 1, pad: [[3, 0], [0, 0]] },
  { n: 2, h: 8, w: 8, ci: 8, co: 8, k: 3, s: 1, pad: [[0, 0], [1, 3]] },
];

function inputsOf(c: Case, seed: number): { x: tf.Tensor4D; filter: tf.Tensor4D } {
  const rng = new Rng(seed, 'conv-direct');
  const values = (n: number) => Float32Array.from({ length: n }, () => rng.normal());
  return {
    x: tf.tensor4d(values(c.n * c.h * c.w * c.ci), [c.n, c.h, c.w, c.ci]),
    filter: tf.tensor4d(values(c.k * c.k * c.ci * c.co), [c.k, c.k, c.ci, c.co]),
  };
}

const attrsOf = (c: Case) => ({
  strides: [c.s, c.s], pad: Array.isArray(c.pad) ? [[0, 0], ...c.pad, [0, 0]] : c.pad, dataFormat: 'NHWC', dilations: [1, 1], dimRoundingMode: undefined,
});

/** Runs a Conv2D kernel config directly on the wasm backend; checks it leaves exactly its output behind. */
function runConv(config: tf.KernelConfig, c: Case, seed: number): { values: Float32Array; fits: boolean } {
  const { x, filter } = inputsOf(c, seed);
  const backend = tf.engine().backend;
  const before = backend.numDataIds();
  const args = { inputs: { x, filter }, backend, attrs: attrsOf(c) };
  const info = config.kernelFunc(args as never) as tf.TensorInfo;
  expect(backend.numDataIds(), 'the kernel frees what it made').toBe(before + 1);
  const values = (backend.readSync(info.dataId) as Float32Array).slice();
  backend.disposeData(info.dataId);
  const fits = directConvInfo(args as never) !== null;
  tf.dispose([x, filter]);
  return { values, fits };
}

describe('the direct convolution (wasm)', () => {
  it("gives XNNPACK's bits on every layer shape, tile tail and padding", async () => {
    await onBackend('wasm', () => {
      const xnnpack = replacedWasmKernel('Conv2D');
      expect(xnnpack, "tfjs-wasm's own Conv2D, kept as the fallback").toBeDefined();
      const direct = conv2dDirectConfig('wasm', xnnpack);
      CASES.forEach((c, i) => {
        const ours = runConv(direct, c, i);
        expect(ours.fits, label(c)).toBe(true);
        const theirs = runConv(xnnpack!, c, i);
        let differing = 0;
        for (let k = 0; k < theirs.values.length; k++) if (!Object.is(ours.values[k], theirs.values[k])) differing++;
        expect(differing, label(c)).toBe(0);
      });
    });
  });

  it("leaves shapes it does not fit to XNNPACK's kernel", async () => {
    await onBackend('wasm', () => {
      const xnnpack = replacedWasmKernel('Conv2D')!;
      const direct = conv2dDirectConfig('wasm', xnnpack);
      NOT_FITTING.forEach((c, i) => {
        const ours = runConv(direct, c, i);
        expect(ours.fits, label(c)).toBe(false);
        expect(ours.values, label(c)).toEqual(runConv(xnnpack, c, i).values);
      });
    });
  });

  it('serves tf.conv2d on wasm, within 1e-4 of the cpu backend', async () => {
    const c = CASES[2]!;
    const conv = () => tf.tidy(() => {
      const { x, filter } = inputsOf(c, 5);
      return tf.conv2d(x, filter, c.s, 'same');
    });
    const want = await onBackend('cpu', () => conv().data());
    const got = await onBackend('wasm', () => conv().data());
    let err = 0;
    for (let i = 0; i < want.length; i++) err = Math.max(err, Math.abs(got[i]! - want[i]!) / (1 + Math.abs(want[i]!)));
    expect(err).toBeLessThan(1e-4);
  });
});

describe("the direct convolution's export", () => {
  it('computes output rows r0 .. r1 - 1 only, so that threads can share a call', () => {
    const memory = new WebAssembly.Memory({ initial: 2 });
    const conv = new WebAssembly.Instance(new WebAssembly.Module(Buffer.from(DIRECT_KERNELS_WASM, 'base64')), { env: { memory } }).exports.conv as (...a: number[]) => void;
    // x [2, 6, 7, 3] at 0, w [3, 3, 3, 8] at 4096 bytes, out [2, 6, 7, 8] at 8192 bytes; stride 1, pads 1.
    const heap = new Float32Array(memory.buffer);
    const rng = new Rng(9, 'conv-rows');
    for (let i = 0; i < 2048; i++) heap[i] = rng.float() - 0.5;
    const args = [0, 4096, 8192, 2, 6, 7, 3, 6, 7, 8, 3, 3, 1, 1, 1];
    const size = 2 * 6 * 7 * 8;
    heap.fill(Number.NaN, 2048, 2048 + size);
    conv(...args, 0, 12);
    const whole = heap.slice(2048, 2048 + size);
    heap.fill(Number.NaN, 2048, 2048 + size);
    conv(...args, 5, 12);
    conv(...args, 0, 5);
    expect(heap.slice(2048, 2048 + size)).toEqual(whole);
    heap.fill(Number.NaN, 2048, 2048 + size);
    conv(...args, 3, 4);
    const row = 7 * 8;
    for (let k = 0; k < size; k++) expect(Number.isNaN(heap[2048 + k]!), `element ${k}`).toBe(k < 3 * row || k >= 4 * row);
  });
});
