/**
 * Rows of floats padded to whole SIMD vectors (4 floats) and back, for the direct kernels, whose tiles
 * read and write channels in fours: a tensor whose last axis (channels) is not a multiple of 4 is copied
 * with each row padded with zeros; a result computed over padded rows is copied back without the padding.
 * The padding's products land in the padding only, so no element's sum changes.
 */
import type { TensorInfo } from '@tensorflow/tfjs-core';
import type { KernelScope } from './kernelScope.ts';
import { heapF32 } from './wasmMemory.ts';

/** Copies `rows` rows from rows of `fromWidth` to rows of `toWidth`, zero-filling a wider row's rest. */
function copyRows(from: Float32Array, fromWidth: number, to: Float32Array, toWidth: number, rows: number): void {
  const width = Math.min(fromWidth, toWidth);
  // Element by element: the rows are short (a few channels), and a subarray per row costs more than its copy.
  for (let r = 0, i = 0, o = 0; r < rows; r++, i += fromWidth, o += toWidth) {
    for (let k = 0; k < width; k++) to[o + k] = from[i + k]!;
    for (let k = width; k < toWidth; k++) to[o + k] = 0;
  }
}

/** The channel count rounded up to whole vectors. */
export const vectorWidth = (channels: number): number => Math.ceil(channels / 4) * 4;

/** `t` itself when its last axis comes in fours, else a copy with every row padded with zeros to fours. */
export function padRows(s: KernelScope, t: TensorInfo): TensorInfo {
  const width = t.shape[t.shape.length - 1]!;
  const padded = vectorWidth(width);
  if (padded === width) return t;
  const copy = s.alloc([...t.shape.slice(0, -1), padded]);
  const [from, to] = [heapF32(s.backend, t), heapF32(s.backend, copy)];
  copyRows(from, width, to, padded, from.length / width);
  return copy;
}

/** `t` (rows padded to fours) cut back to rows of `width`: `t` itself when nothing was padded. */
export function unpadRows(s: KernelScope, t: TensorInfo, width: number): TensorInfo {
  const padded = t.shape[t.shape.length - 1]!;
  if (padded === width) return t;
  const copy = s.alloc([...t.shape.slice(0, -1), width]);
  const [from, to] = [heapF32(s.backend, t), heapF32(s.backend, copy)];
  copyRows(from, padded, to, width, to.length / width);
  return copy;
}
