import { describe, expect, it } from 'vitest';
import { labelsOf, thumbnailsOf } from './thumbnails.ts';
import type { ImageSet } from './types.ts';

const set = (channels: number, pixels: number[], labels: number[]): ImageSet => ({
  images: Uint8Array.from(pixels), labels: Int32Array.from(labels), count: labels.length, height: 1, width: 2, channels,
});

describe('thumbnailsOf', () => {
  it('repeats a grey channel and makes alpha opaque, in the order asked', () => {
    const grey = set(1, [10, 20, 30, 40, 50, 60], [0, 1, 2]);
    const t = thumbnailsOf(grey, [2, 0]);
    expect(t).toMatchObject({ width: 2, height: 1, count: 2 });
    expect(Array.from(t.rgba)).toEqual([50, 50, 50, 255, 60, 60, 60, 255, 10, 10, 10, 255, 20, 20, 20, 255]);
  });

  it('copies RGB images pixel by pixel', () => {
    const rgb = set(3, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12], [5, 6]);
    expect(Array.from(thumbnailsOf(rgb, [1]).rgba)).toEqual([7, 8, 9, 255, 10, 11, 12, 255]);
  });

  it('keeps the alpha of 4-channel images', () => {
    const rgba = set(4, [1, 2, 3, 4, 5, 6, 7, 8], [0]);
    expect(Array.from(thumbnailsOf(rgba, [0]).rgba)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it('names an index outside the split', () => {
    const grey = set(1, [0, 0], [0]);
    expect(() => thumbnailsOf(grey, [1])).toThrow(/image 1 is not in a split of 1 images/);
    expect(() => thumbnailsOf(grey, [-1])).toThrow(RangeError);
  });
});

describe('labelsOf', () => {
  it('gives the labels of the images asked for, in that order', () => {
    const s = set(1, [0, 0, 0, 0, 0, 0], [7, 8, 9]);
    expect(Array.from(labelsOf(s, [2, 2, 0]))).toEqual([9, 9, 7]);
    expect(() => labelsOf(s, [3])).toThrow(/labels: image 3/);
  });
});
