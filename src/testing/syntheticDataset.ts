/** A small seeded dataset for tests: each class has its own mean colour plus noise, so it is learnable. */
import type { Dataset, ImageSet } from '../core/data/types.ts';
import { rng } from '../core/rng.ts';

function makeSet(count: number, size: number, classes: number, seed: number): ImageSet {
  const r = rng(seed, 'synthetic');
  const channels = 3;
  const images = new Uint8Array(count * size * size * channels);
  const labels = new Int32Array(count);
  for (let i = 0; i < count; i++) {
    const label = i % classes;
    labels[i] = label;
    for (let p = 0; p < size * size; p++) {
      for (let c = 0; c < channels; c++) {
        const mean = 40 + ((label * 67 + c * 101) % 180);
        images[(i * size * size + p) * channels + c] = Math.max(0, Math.min(255, Math.round(mean + 40 * r.normal())));
      }
    }
  }
  return { images, labels, count, height: size, width: size, channels };
}

export function syntheticDataset(options: { train: number; test: number; size?: number; classes?: number }): Dataset {
  const size = options.size ?? 8;
  const classes = options.classes ?? 4;
  return {
    id: 'synthetic-test',
    name: 'synthetic',
    classes: Array.from({ length: classes }, (_, i) => `class${i}`),
    train: makeSet(options.train, size, classes, 1),
    test: makeSet(options.test, size, classes, 2),
  };
}
