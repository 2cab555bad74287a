/**
 * The filter gradient of a 2-D convolution as kh * kw matrix products over one padded copy of the input,
 * each reading it from a different offset (wasm: zero-copy views, XNNPACK's fully-connected GEMM).
 *
 *   dW[a, b, ci, co] = sum_{n, i, j} x[n, s*i + a - pt, s*j + b - pl, ci] * dy[n, i, j, co]
 *
 * Write tap a = s*qa + ra (phase ra, shift qa), and likewise b. Phase (ra, rb) of the zero-padded input,
 * laid out on a grid of hq x wq per image and transposed so each channel is one row of L = n * hq * wq
 * values (P, see filterGradGrid.ts), is read by tap (a, b) at position (i + qa, j + qb) for output (i, j):
 * the flat index moves by d = qa * wq + qb, the same for every output. So with dy zero-padded onto the
 * same grid (dyg, [L, co]),
 *
 *   dW[a, b] = P[:, d : d + L] * dyg,    a [ci, L] x [L, co] product,
 *
 * and P[:, d : d + L] is P's memory from element d on, read with row stride L: a view, no copy. Reads past
 * a row's end land in the next row's leading zeros (or in one extra zero row after the last channel), or
 * where dyg is zero. dyg is the same for every tap, so XNNPACK packs it once. These GEMMs run at about
 * forward-conv speed, where the dilated-conv form (dy as a 32x32 "filter") ran 2-3x slower; the price is
 * the grid's margin of zeros (33x33 for 32x32) and two layout passes, written here as JS loops over the
 * heap (one pass each, where tfjs-wasm's Transpose + PadV2 + StridedSlice took several slower ones).
 */
import type { backend_util, TensorInfo } from '@tensorflow/tfjs-core';
import { fillInputPhase, fillOutputGrid, gridDim } from './filterGradGrid.ts';
import type { KernelScope } from './kernelScope.ts';
import { heapF32 } from './wasmMemory.ts';

export function filterGradGemm(s: KernelScope, x: TensorInfo, dy: TensorInfo, info: backend_util.Conv2DInfo): TensorInfo {
  const { batchSize: n, inHeight: h, inWidth: w, inChannels: ci, outHeight: ho, outWidth: wo, outChannels: co } = info;
  const { filterHeight: kh, filterWidth: kw, strideHeight: sh, strideWidth: sw } = info;
  const rows = gridDim(h, ho, kh, sh, info.padInfo.top);
  const cols = gridDim(w, wo, kw, sw, info.padInfo.left);
  const L = n * rows.grid * cols.grid;

  let dyg = dy;
  if (rows.grid !== ho || cols.grid !== wo) {
    dyg = s.alloc([n, rows.grid, cols.grid, co]);
    fillOutputGrid(heapF32(s.backend, dy), heapF32(s.backend, dyg), n, co, rows, cols);
  }
  dyg = s.reshape(dyg, [1, L, co]);

  const phases = new Map<number, TensorInfo>();
  const phase = (ry: number, rx: number): TensorInfo => {
    const key = ry * sw + rx;
    let p = phases.get(key);
    if (!p) {
      p = s.alloc([ci + 1, L]);
      fillInputPhase(heapF32(s.backend, x), heapF32(s.backend, p), n, ci, rows, cols, ry, rx);
      phases.set(key, p);
    }
    return p;
  };

  const taps: TensorInfo[] = [];
  for (let a = 0; a < kh; a++) {
    for (let b = 0; b < kw; b++) {
      const d = Math.floor(a / sh) * cols.grid + Math.floor(b / sw);
      const view = s.view(phase(a % sh, b % sw), d, [1, ci, L]);
      taps.push(s.run('BatchMatMul', { a: view, b: dyg }, { transposeA: false, transposeB: false }));
    }
  }
  const stacked = taps.length === 1 ? taps[0]! : s.run('Concat', taps, { axis: 0 });
  return s.reshape(stacked, [kh, kw, ci, co]);
}
