/**
 * The standard CIFAR augmentation on a normalised NHWC batch, in place: random crop with `pad`-pixel
 * zero padding (zero is the channel mean after normalisation) and a horizontal flip with probability 1/2.
 * All draws come from the given seeded stream, two per image.
 */
import type { Rng } from '../rng.ts';

export function augmentBatch(x: Float32Array, n: number, h: number, w: number, c: number, rng: Rng, pad = 4): void {
  const img = new Float32Array(h * w * c);
  for (let b = 0; b < n; b++) {
    const dy = rng.int(2 * pad + 1) - pad;
    const dx = rng.int(2 * pad + 1) - pad;
    const flip = rng.float() < 0.5;
    const base = b * h * w * c;
    img.set(x.subarray(base, base + h * w * c));
    for (let y = 0; y < h; y++) {
      const sy = y + dy;
      for (let xx = 0; xx < w; xx++) {
        const sx = (flip ? w - 1 - xx : xx) + dx;
        const out = base + (y * w + xx) * c;
        if (sy < 0 || sy >= h || sx < 0 || sx >= w) {
          for (let k = 0; k < c; k++) x[out + k] = 0;
        } else {
          const src = (sy * w + sx) * c;
          for (let k = 0; k < c; k++) x[out + k] = img[src + k]!;
        }
      }
    }
  }
}
