/** The browser's image decoder for image-folder datasets: createImageBitmap + OffscreenCanvas, in the worker. */
import type { DecodedImage } from '../src/core/data/types.ts';

let canvas: OffscreenCanvas | undefined;
let context: OffscreenCanvasRenderingContext2D | null = null;

export async function decodeImage(bytes: Uint8Array, fileName: string): Promise<DecodedImage> {
  const blob = new Blob([bytes as Uint8Array<ArrayBuffer>]);
  const bitmap = await createImageBitmap(blob, { premultiplyAlpha: 'none', colorSpaceConversion: 'none' });
  try {
    const { width, height } = bitmap;
    if (!canvas || canvas.width !== width || canvas.height !== height) {
      canvas = new OffscreenCanvas(width, height);
      context = canvas.getContext('2d', { willReadFrequently: true });
    }
    if (!context) throw new Error(`${fileName}: no 2D canvas context in this worker`);
    context.clearRect(0, 0, width, height);
    context.drawImage(bitmap, 0, 0);
    const rgba = context.getImageData(0, 0, width, height).data;
    return { width, height, channels: 4, data: new Uint8Array(rgba.buffer, rgba.byteOffset, rgba.byteLength) };
  } finally {
    bitmap.close();
  }
}
