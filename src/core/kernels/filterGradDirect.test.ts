import { describe, expect, it } from 'vitest';
import { Rng } from '../rng.ts';
import { DIRECT_KERNELS_WASM, DIRECT_KERNELS_WASM_SHARED } from './directKernelsBinary.ts';

type FilterGrad = (...args: number[]) => void;

function instantiate(base64: string, memory: WebAssembly.Memory): FilterGrad {
  const instance = new WebAssembly.Instance(new WebAssembly.Module(Buffer.from(base64, 'base64')), { env: { memory } });
  return instance.exports.filterGrad as FilterGrad;
}

/**
 * x [2, 5, 6, 3] and dy [2, 3, 3, 8] at bytes 0 and 1024 * 4, dW [3, 3, 3, 8] at 2048 * 4; stride 2, 'same';
 * in calls over the input channels `shares` (c0, c1 pairs).
 */
function run(base64: string, memory: WebAssembly.Memory, shares: Array<[number, number]> = [[0, 3]]): Float32Array {
  const heap = new Float32Array(memory.buffer, 0, 4096);
  const rng = new Rng(3, 'filter-grad-direct');
  for (let i = 0; i < 2048; i++) heap[i] = rng.float() - 0.5;
  heap.fill(0, 2048);
  const kernel = instantiate(base64, memory);
  for (const [c0, c1] of shares) kernel(0, 4096, 8192, 2, 5, 6, 3, 3, 3, 8, 3, 3, 2, 1, 0, c0, c1);
  return heap.slice(2048, 2048 + 3 * 3 * 3 * 8);
}

/** The same sum in plain JavaScript, float32 multiply then add in (n, i, j) order. */
function reference(heap: Float32Array): Float32Array {
  const out = new Float32Array(3 * 3 * 3 * 8);
  const f = Math.fround;
  for (let n = 0; n < 2; n++) for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) {
    for (let a = 0; a < 3; a++) for (let b = 0; b < 3; b++) {
      const y = 2 * i + a - 1;
      const x = 2 * j + b;
      if (y < 0 || y >= 5 || x >= 6) continue;
      for (let c = 0; c < 3; c++) for (let o = 0; o < 8; o++) {
        const k = ((a * 3 + b) * 3 + c) * 8 + o;
        out[k] = f(out[k]! + f(heap[((n * 5 + y) * 6 + x) * 3 + c]! * heap[1024 + ((n * 3 + i) * 3 + j) * 8 + o]!));
      }
    }
  }
  return out;
}

describe('the direct filter-gradient wasm module', () => {
  it('sums in float32, in (n, i, j) order, on a plain and on a shared memory alike', () => {
    const plainMemory = new WebAssembly.Memory({ initial: 1 });
    const plain = run(DIRECT_KERNELS_WASM, plainMemory);
    const expected = reference(new Float32Array(plainMemory.buffer, 0, 2048));
    expect(plain).toEqual(expected);
    const shared = run(DIRECT_KERNELS_WASM_SHARED, new WebAssembly.Memory({ initial: 1, maximum: 65536, shared: true }));
    expect(shared).toEqual(expected);
  });

  it('computes input channels c0 .. c1 - 1 only, so that threads can share a call', () => {
    const memory = new WebAssembly.Memory({ initial: 1 });
    const whole = run(DIRECT_KERNELS_WASM, memory);
    expect(run(DIRECT_KERNELS_WASM, memory, [[2, 3], [0, 2]])).toEqual(whole);
    const first = run(DIRECT_KERNELS_WASM, memory, [[0, 1]]);
    for (let k = 0; k < first.length; k++) expect(first[k]).toBe(k % 24 < 8 ? whole[k] : 0);
  });
});
