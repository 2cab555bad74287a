/** One stored labelling image (HWC, grey or RGB) as ImageData for a canvas. */
import type { StoredLabellingImages } from '../../storage/labellingDb.ts';

export function imageDataOf(images: StoredLabellingImages, index: number): ImageData {
  const { size, channels, pixels } = images;
  const n = size * size;
  const rgba = new Uint8ClampedArray(n * 4);
  const base = index * n * channels;
  for (let p = 0; p < n; p++) {
    const s = base + p * channels;
    rgba[p * 4] = pixels[s]!;
    rgba[p * 4 + 1] = pixels[s + (channels === 3 ? 1 : 0)]!;
    rgba[p * 4 + 2] = pixels[s + (channels === 3 ? 2 : 0)]!;
    rgba[p * 4 + 3] = 255;
  }
  return new ImageData(rgba, size, size);
}
