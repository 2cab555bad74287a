/**
 * What the lab's views show of single images: their labels, and their pixels as RGBA (the layout of
 * ImageData), at the dataset's own size; the page scales them up. Indices are checked, so a recorded run
 * that names images a dataset lacks is an error that says which, not a black square.
 */
import type { ImageSet } from './types.ts';

export interface Thumbnails {
  width: number;
  height: number;
  count: number;
  /** count * height * width * 4 bytes, image after image, RGBA, alpha 255. */
  rgba: Uint8ClampedArray;
}

function checkIndices(set: ImageSet, indices: ArrayLike<number>, what: string): void {
  for (let k = 0; k < indices.length; k++) {
    const i = indices[k]!;
    if (!Number.isInteger(i) || i < 0 || i >= set.count) throw new RangeError(`${what}: image ${i} is not in a split of ${set.count} images`);
  }
}

/** The labels of the images at `indices`, in that order. */
export function labelsOf(set: ImageSet, indices: ArrayLike<number>): Int32Array {
  checkIndices(set, indices, 'labels');
  return Int32Array.from(indices as ArrayLike<number>, (i) => set.labels[i]!);
}

/** The images at `indices` as RGBA: grey images repeat their one channel, 4-channel images keep their alpha. */
export function thumbnailsOf(set: ImageSet, indices: ArrayLike<number>): Thumbnails {
  checkIndices(set, indices, 'thumbnails');
  const { width, height, channels } = set;
  if (channels !== 1 && channels !== 3 && channels !== 4) throw new RangeError(`thumbnails: ${channels} channels (expected 1, 3 or 4)`);
  const pixels = width * height;
  const rgba = new Uint8ClampedArray(indices.length * pixels * 4);
  for (let k = 0; k < indices.length; k++) {
    const src = indices[k]! * pixels * channels;
    const dst = k * pixels * 4;
    for (let p = 0; p < pixels; p++) {
      const s = src + p * channels;
      const d = dst + p * 4;
      if (channels === 1) {
        const v = set.images[s]!;
        rgba[d] = v;
        rgba[d + 1] = v;
        rgba[d + 2] = v;
        rgba[d + 3] = 255;
      } else {
        rgba[d] = set.images[s]!;
        rgba[d + 1] = set.images[s + 1]!;
        rgba[d + 2] = set.images[s + 2]!;
        rgba[d + 3] = channels === 4 ? set.images[s + 3]! : 255;
      }
    }
  }
  return { width, height, count: indices.length, rgba };
}
