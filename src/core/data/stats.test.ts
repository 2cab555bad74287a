import { describe, expect, it } from 'vitest';
import { channelStats, toFloatBatch } from './stats.ts';
import type { ImageSet } from './types.ts';

/** 2 images of 1x2 pixels, RGB: R = 0/255 alternating, G constant 51, B = 0, 51, 102, 153. */
const set: ImageSet = {
  images: Uint8Array.from([0, 51, 0, 255, 51, 51, 0, 51, 102, 255, 51, 153]),
  labels: Int32Array.from([0, 1]),
  count: 2,
  height: 1,
  width: 2,
  channels: 3,
};

describe('channelStats', () => {
  it('gives the per-channel mean and population std in pixel/255 units', () => {
    const stats = channelStats(set);
    expect(stats.mean[0]).toBeCloseTo(0.5, 12);
    expect(stats.std[0]).toBeCloseTo(0.5, 12);
    expect(stats.mean[1]).toBeCloseTo(0.2, 12);
    expect(stats.std[1]).toBe(0);
    expect(stats.mean[2]).toBeCloseTo(0.3, 12);
    expect(stats.std[2]).toBeCloseTo(Math.sqrt(((0.3 ** 2 + 0.1 ** 2) * 2) / 4), 12);
  });

  it('refuses an empty set', () => {
    expect(() => channelStats({ ...set, images: new Uint8Array(0), labels: new Int32Array(0), count: 0 })).toThrow(RangeError);
  });
});

describe('toFloatBatch', () => {
  it('normalises the chosen images into NHWC float32, in index order', () => {
    const stats = channelStats(set);
    const batch = toFloatBatch(set, [1, 0], stats);
    expect(batch).toBeInstanceOf(Float32Array);
    expect(batch.length).toBe(2 * 2 * 3);
    // image 1, pixel 0: R 0 -> (0 - 0.5) / 0.5 = -1; G constant -> centred only: 0; B 102 -> (0.4 - 0.3) / std
    expect(batch[0]).toBeCloseTo(-1, 6);
    expect(batch[1]).toBeCloseTo(0, 6);
    expect(batch[2]).toBeCloseTo(0.1 / stats.std[2]!, 5);
    // image 0, pixel 1 (R 255) comes after image 1's two pixels
    expect(batch[9]).toBeCloseTo(1, 6);
    // the whole batch of every image has zero mean per channel
    const all = toFloatBatch(set, [0, 1], stats);
    for (let c = 0; c < 3; c++) {
      const values = [0, 1, 2, 3].map((p) => all[p * 3 + c]!);
      expect(values.reduce((a, b) => a + b, 0)).toBeCloseTo(0, 5);
    }
  });

  it('refuses indices outside the set and stats of another channel count', () => {
    const stats = channelStats(set);
    expect(() => toFloatBatch(set, [0, 2], stats)).toThrow(/index 2 at position 1 is outside 0\.\.1/);
    expect(() => toFloatBatch(set, [0.5], stats)).toThrow(/index 0\.5/);
    expect(() => toFloatBatch(set, [0], { mean: [0], std: [1] })).toThrow(/1 channels, the set has 3/);
  });
});
