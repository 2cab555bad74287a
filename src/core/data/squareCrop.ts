/**
 * The resize rule for images of any size (the labelling mode's imports): scale so the shorter side is
 * `size`, then cut the centred `size` x `size` square. Resampling is antialiased bilinear (a triangle filter
 * widened by the scale when shrinking, as Pillow's BILINEAR with reducing_gap off), so a large photo shrinks
 * without aliasing and a small one grows smoothly. Works on 1, 3 or 4 channels; returns `channels` of them
 * (alpha dropped; grey widened to RGB when asked for 3).
 */
import type { DecodedImage } from './types.ts';

interface Weights {
  /** First source index of each output sample, and its normalised weights. */
  start: Int32Array;
  weights: Float32Array[];
}

/** Separable filter weights from `inSize` source pixels (starting at `offset`, `span` long) to `outSize`. */
function filterWeights(offset: number, span: number, inSize: number, outSize: number): Weights {
  const scale = span / outSize;
  const support = Math.max(1, scale);
  const start = new Int32Array(outSize);
  const weights: Float32Array[] = [];
  for (let o = 0; o < outSize; o++) {
    const centre = offset + (o + 0.5) * scale;
    const lo = Math.max(0, Math.floor(centre - support));
    const hi = Math.min(inSize, Math.ceil(centre + support));
    const w = new Float32Array(hi - lo);
    let sum = 0;
    for (let i = lo; i < hi; i++) {
      const t = 1 - Math.abs((i + 0.5 - centre) / support);
      w[i - lo] = t > 0 ? t : 0;
      sum += w[i - lo]!;
    }
    if (sum === 0) {
      // A sample between pixels with no weight: take the nearest.
      const nearest = Math.min(inSize - 1, Math.max(0, Math.floor(centre)));
      start[o] = nearest;
      weights.push(Float32Array.of(1));
      continue;
    }
    for (let k = 0; k < w.length; k++) w[k]! /= sum;
    start[o] = lo;
    weights.push(w);
  }
  return { start, weights };
}

/** The image's pixel at (y, x) as `channels` values: alpha dropped, grey widened. */
function readPixel(image: DecodedImage, y: number, x: number, out: Float32Array, channels: number): void {
  const at = (y * image.width + x) * image.channels;
  if (image.channels === 1) out.fill(image.data[at]!, 0, channels);
  else if (channels === 1) out[0] = 0.299 * image.data[at]! + 0.587 * image.data[at + 1]! + 0.114 * image.data[at + 2]!;
  else for (let c = 0; c < 3; c++) out[c] = image.data[at + c]!;
}

/** `size` x `size` x `channels` bytes (HWC) of the image's centred square, resampled. */
export function squareCrop(image: DecodedImage, size: number, channels: 1 | 3): Uint8Array {
  const { width, height } = image;
  const side = Math.min(width, height);
  const cols = filterWeights((width - side) / 2, side, width, size);
  const rows = filterWeights((height - side) / 2, side, height, size);
  // Horizontal pass over the rows any output row needs, then the vertical pass.
  const horizontal = new Float32Array(height * size * channels);
  const pixel = new Float32Array(3);
  for (let y = 0; y < height; y++) {
    for (let o = 0; o < size; o++) {
      const w = cols.weights[o]!;
      const base = (y * size + o) * channels;
      for (let k = 0; k < w.length; k++) {
        readPixel(image, y, cols.start[o]! + k, pixel, channels);
        for (let c = 0; c < channels; c++) horizontal[base + c]! += w[k]! * pixel[c]!;
      }
    }
  }
  const out = new Uint8Array(size * size * channels);
  for (let o = 0; o < size; o++) {
    const w = rows.weights[o]!;
    for (let x = 0; x < size; x++) {
      for (let c = 0; c < channels; c++) {
        let v = 0;
        for (let k = 0; k < w.length; k++) v += w[k]! * horizontal[((rows.start[o]! + k) * size + x) * channels + c]!;
        out[(o * size + x) * channels + c] = Math.min(255, Math.max(0, Math.round(v)));
      }
    }
  }
  return out;
}
