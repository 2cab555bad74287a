import { describe, expect, it } from 'vitest';
import { squareCrop } from './squareCrop.ts';
import type { DecodedImage } from './types.ts';

function image(width: number, height: number, channels: number, f: (y: number, x: number, c: number) => number): DecodedImage {
  const data = new Uint8Array(width * height * channels);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) for (let c = 0; c < channels; c++) data[(y * width + x) * channels + c] = f(y, x, c);
  return { width, height, channels, data };
}

describe('squareCrop: shorter side to size, centred square', () => {
  it('keeps a flat colour flat at any scale, dropping alpha', () => {
    for (const [w, h] of [[640, 480], [17, 300], [8, 8], [1, 1]] as const) {
      const out = squareCrop(image(w, h, 4, (_, __, c) => [200, 100, 50, 7][c]!), 32, 3);
      expect(out.length).toBe(32 * 32 * 3);
      for (let i = 0; i < out.length; i += 3) expect([out[i], out[i + 1], out[i + 2]]).toEqual([200, 100, 50]);
    }
  });

  it('cuts the centre of the longer side: a wide image loses its left and right edges', () => {
    // 300 x 100: left third black, middle third white, right third black; the centred square is the white third.
    const out = squareCrop(image(300, 100, 1, (_, x) => (x >= 100 && x < 200 ? 255 : 0)), 10, 1);
    expect(Math.min(...out.subarray(10 * 4 + 1, 10 * 4 + 9))).toBeGreaterThan(200);
    expect(Math.min(...out)).toBeGreaterThan(100);
  });

  it('averages when shrinking (no aliasing): a one-pixel checkerboard becomes mid-grey', () => {
    const out = squareCrop(image(256, 256, 1, (y, x) => ((x + y) % 2 === 0 ? 255 : 0)), 32, 1);
    for (const v of out) expect(Math.abs(v - 127.5)).toBeLessThan(8);
  });

  it('is the identity at the same size, and widens grey to RGB', () => {
    const src = image(8, 8, 1, (y, x) => y * 30 + x);
    expect(Array.from(squareCrop(src, 8, 1))).toEqual(Array.from(src.data));
    const rgb = squareCrop(src, 8, 3);
    expect([rgb[3 * 9], rgb[3 * 9 + 1], rgb[3 * 9 + 2]]).toEqual([31, 31, 31]);
  });
});
