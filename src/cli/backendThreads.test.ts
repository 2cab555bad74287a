// The threaded wasm build in Node (its own test file: a process starts the wasm backend only once).
import * as tf from '@tensorflow/tfjs-core';
import { afterAll, describe, expect, it } from 'vitest';
import { conv2dBackpropFilterConfig, type FilterGradForm } from '../core/kernels/conv2dBackpropFilter.ts';
import { conv2dDirectConfig } from '../core/kernels/convDirect.ts';
import { replacedWasmKernel } from '../core/kernels/register.ts';
import { directKernelThreads } from '../core/kernels/directKernels.ts';
import { usePageClaim } from '../core/kernels/kernelThreads.ts';
import { Rng } from '../core/rng.ts';
import { selectBackend } from './backend.ts';

afterAll(async () => {
  await tf.setBackend('cpu');
});

describe('selectBackend with threads (Node)', () => {
  it('starts wasm on two threads and computes what the cpu backend computes', async () => {
    const conv = () => tf.tidy(() => {
      const x = tf.reshape(tf.sin(tf.range(0, 4 * 9 * 9 * 8)), [4, 9, 9, 8]) as tf.Tensor4D;
      const w = tf.reshape(tf.cos(tf.range(0, 3 * 3 * 8 * 16)), [3, 3, 8, 16]) as tf.Tensor4D;
      return tf.conv2d(x, w, 2, 'same');
    });
    const want = await conv().data();
    const choice = await selectBackend(undefined, { threads: 2 });
    expect(choice).toMatchObject({ name: 'wasm', threads: 2 });
    expect(choice.reason).toMatch(/2 threads/);
    const got = await conv().data();
    let err = 0;
    for (let i = 0; i < want.length; i++) err = Math.max(err, Math.abs(got[i]! - want[i]!));
    expect(err).toBeLessThan(1e-4);
  });
});

/** Layer shapes big enough to be shared with the helper threads (uneven shares, channels not in fours), and one that is not. */
const SPLIT_CASES = [
  { n: 8, h: 16, w: 16, ci: 16, co: 16, s: 1 },
  { n: 16, h: 16, w: 16, ci: 16, co: 32, s: 2 },
  { n: 16, h: 8, w: 8, ci: 32, co: 64, s: 1 },
  { n: 20, h: 16, w: 16, ci: 12, co: 8, s: 1 },
  { n: 40, h: 16, w: 16, ci: 6, co: 8, s: 1 },
  { n: 20, h: 16, w: 16, ci: 12, co: 11, s: 1 },
];
const UNSPLIT = { n: 1, h: 8, w: 8, ci: 6, co: 8, s: 1 };

type Case = typeof UNSPLIT;

/** Values in -0.5 .. 0.5 for a tensor of `shape`, seeded by the case and `salt`. */
function randomTensor(c: Case, shape: number[], salt: string): tf.Tensor {
  const rng = new Rng(c.n * 100 + c.ci, salt);
  return tf.tensor(Float32Array.from({ length: shape.reduce((p, d) => p * d, 1) }, () => rng.float() - 0.5), shape);
}

/** One call of a wasm kernel config on `inputs`: its output's values; checks it frees its scratch. */
function callKernel(config: tf.KernelConfig, inputs: Record<string, tf.Tensor>, attrs: object): Float32Array {
  const backend = tf.engine().backend;
  const before = backend.numDataIds();
  const info = config.kernelFunc({ inputs, backend, attrs } as never) as tf.TensorInfo;
  expect(backend.numDataIds(), 'the kernel frees its scratch').toBe(before + 1);
  const values = (backend.readSync(info.dataId) as Float32Array).slice();
  backend.disposeData(info.dataId);
  tf.dispose(Object.values(inputs));
  return values;
}

function filterGrad(c: Case, form: FilterGradForm): Float32Array {
  const ho = Math.ceil(c.h / c.s);
  const inputs = { x: randomTensor(c, [c.n, c.h, c.w, c.ci], 'split-filter-grad-x'), dy: randomTensor(c, [c.n, ho, ho, c.co], 'split-filter-grad-dy') };
  const attrs = { strides: [c.s, c.s], pad: 'same', dataFormat: 'NHWC', dimRoundingMode: undefined, filterShape: [3, 3, c.ci, c.co] };
  return callKernel(conv2dBackpropFilterConfig('wasm', form), inputs, attrs);
}

describe('the direct filter gradient on helper threads (Node, 2 threads)', () => {
  it('shares big calls with its helper and gives the one-thread GEMM form\'s bits', async () => {
    await selectBackend(undefined, { threads: 2 });
    filterGrad(UNSPLIT, 'direct');
    const threads = directKernelThreads(tf.engine().backend);
    expect(threads, 'helper threads on the threaded heap').toBeDefined();
    await expect.poll(() => threads!.ready, { timeout: 10_000 }).toBe(true);
    const calls = threads!.calls;
    for (const c of [...SPLIT_CASES, UNSPLIT]) expect(filterGrad(c, 'direct'), JSON.stringify(c)).toEqual(filterGrad(c, 'gemm'));
    expect(threads!.calls - calls, 'calls shared with the helper').toBe(SPLIT_CASES.length);
  });
});

/** One Conv2D call of case `c` through `config` (the direct kernel, or XNNPACK's it replaced). */
function conv(c: Case, config: tf.KernelConfig): Float32Array {
  const inputs = { x: randomTensor(c, [c.n, c.h, c.w, c.ci], 'split-conv-x'), filter: randomTensor(c, [3, 3, c.ci, c.co], 'split-conv-filter') };
  return callKernel(config, inputs, { strides: [c.s, c.s], pad: 'same', dataFormat: 'NHWC', dilations: [1, 1], dimRoundingMode: undefined });
}

describe('the direct convolution on helper threads (Node, 2 threads)', () => {
  it("shares big calls' output rows with its helper and gives XNNPACK's bits", async () => {
    await selectBackend(undefined, { threads: 2 });
    const xnnpack = replacedWasmKernel('Conv2D')!;
    const direct = conv2dDirectConfig('wasm', xnnpack);
    conv(UNSPLIT, direct);
    const threads = directKernelThreads(tf.engine().backend);
    await expect.poll(() => threads?.ready, { timeout: 10_000 }).toBe(true);
    const calls = threads!.calls;
    for (const c of [...SPLIT_CASES, UNSPLIT]) expect(conv(c, direct), JSON.stringify(c)).toEqual(conv(c, xnnpack));
    expect(threads!.calls - calls, 'calls shared with the helper').toBe(SPLIT_CASES.length);
  });
});

describe("the page's claim on a core (Node, 2 threads)", () => {
  it('runs calls on the calling thread alone while the claim is set, with the same bits', async () => {
    await selectBackend(undefined, { threads: 2 });
    const xnnpack = replacedWasmKernel('Conv2D')!;
    const direct = conv2dDirectConfig('wasm', xnnpack);
    conv(UNSPLIT, direct);
    const threads = directKernelThreads(tf.engine().backend);
    await expect.poll(() => threads?.ready, { timeout: 10_000 }).toBe(true);
    const claim = new Int32Array(new SharedArrayBuffer(4));
    usePageClaim(claim);
    try {
      const before = { calls: threads!.calls, yielded: threads!.yielded };
      Atomics.store(claim, 0, 1);
      for (const c of SPLIT_CASES) expect(conv(c, direct), JSON.stringify(c)).toEqual(conv(c, xnnpack));
      expect(threads!.yielded - before.yielded, 'calls left to the calling thread').toBe(SPLIT_CASES.length);
      Atomics.store(claim, 0, 0);
      for (const c of SPLIT_CASES) expect(conv(c, direct), JSON.stringify(c)).toEqual(conv(c, xnnpack));
      expect(threads!.calls - before.calls).toBe(2 * SPLIT_CASES.length);
      expect(threads!.yielded - before.yielded, 'no call left alone once the claim is given back').toBe(SPLIT_CASES.length);
    } finally {
      usePageClaim(undefined);
    }
  });
});
