/**
 * Per-channel statistics of a training split and the per-batch conversion to the network's input:
 * float32 NHWC, x = (pixel / 255 - mean[c]) / std[c]. Pixels stay uint8 in memory; only the batch
 * being fed is ever float.
 */

import type { ImageSet } from './types.ts';

/** Mean and (population) standard deviation per channel, in pixel/255 units. */
export interface ChannelStats {
  mean: number[];
  std: number[];
}

/** Exact statistics from a 256-bin histogram per channel (integer counts, so no rounding drift). */
export function channelStats(set: ImageSet): ChannelStats {
  const { channels, images } = set;
  const pixels = set.count * set.height * set.width;
  if (pixels === 0 || images.length !== pixels * channels) {
    throw new RangeError(`channelStats needs a non-empty set whose images hold count*height*width*channels bytes`);
  }
  const histogram = new Float64Array(256 * channels);
  for (let p = 0, i = 0; p < pixels; p++) {
    for (let c = 0; c < channels; c++, i++) histogram[c * 256 + images[i]!]!++;
  }
  const mean: number[] = [];
  const std: number[] = [];
  for (let c = 0; c < channels; c++) {
    let sum = 0;
    let sumSquares = 0;
    for (let v = 0; v < 256; v++) {
      const n = histogram[c * 256 + v]!;
      sum += n * v;
      sumSquares += n * v * v;
    }
    const m = sum / pixels;
    const variance = Math.max(0, sumSquares / pixels - m * m);
    mean.push(m / 255);
    std.push(Math.sqrt(variance) / 255);
  }
  return { mean, std };
}

/**
 * The images at `indices`, normalised, as one float32 NHWC batch of indices.length * h * w * c values.
 * A channel with zero spread (std < 1e-6) is only centred, not scaled.
 */
export function toFloatBatch(set: ImageSet, indices: ArrayLike<number>, stats: ChannelStats): Float32Array {
  const { channels } = set;
  if (stats.mean.length !== channels || stats.std.length !== channels) {
    throw new RangeError(`stats have ${stats.mean.length} channels, the set has ${channels}`);
  }
  const scale = new Float32Array(channels);
  const offset = new Float32Array(channels);
  for (let c = 0; c < channels; c++) {
    const s = stats.std[c]! < 1e-6 ? 1 : stats.std[c]!;
    scale[c] = 1 / (255 * s);
    offset[c] = -stats.mean[c]! / s;
  }
  const imageSize = set.height * set.width * channels;
  const pixels = set.height * set.width;
  const out = new Float32Array(indices.length * imageSize);
  const src = set.images;
  let o = 0;
  for (let b = 0; b < indices.length; b++) {
    const index = indices[b]!;
    if (!Number.isInteger(index) || index < 0 || index >= set.count) {
      throw new RangeError(`toFloatBatch: index ${index} at position ${b} is outside 0..${set.count - 1}`);
    }
    let s = index * imageSize;
    for (let p = 0; p < pixels; p++) {
      for (let c = 0; c < channels; c++) out[o++] = src[s++]! * scale[c]! + offset[c]!;
    }
  }
  return out;
}
