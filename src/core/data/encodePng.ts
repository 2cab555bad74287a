/**
 * A PNG encoder for the lab's own pixels (HWC uint8, as the datasets and the labelling mode keep them):
 * 8-bit greyscale, RGB or RGBA, not interlaced, every row with filter type 0 (none). The image data is one
 * zlib stream made by the platform's CompressionStream('deflate'); each chunk carries its CRC-32 over its
 * type and data (PNG spec, sections 5.3 and 11.2.2). No DOM and no canvas, so it runs in Node and workers.
 */
import { concatBytes } from './bytes.ts';
import { deflateZlib } from './compression.ts';
import { crc32 } from './crc32.ts';

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
/** PNG colour types by channel count: greyscale, truecolour, truecolour with alpha. */
const COLOUR_TYPE = { 1: 0, 3: 2, 4: 6 } as const;

/** One chunk: length, type, data, CRC-32 of type and data. */
function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}

export async function encodePng(pixels: Uint8Array, width: number, height: number, channels: 1 | 3 | 4): Promise<Uint8Array> {
  if (!Number.isInteger(width) || width < 1 || width > 0x7fffffff) throw new RangeError(`width must be a positive integer, got ${width}`);
  if (!Number.isInteger(height) || height < 1 || height > 0x7fffffff) throw new RangeError(`height must be a positive integer, got ${height}`);
  if (!(channels in COLOUR_TYPE)) throw new RangeError(`channels must be 1, 3 or 4, got ${channels}`);
  const stride = width * channels;
  if (pixels.length !== stride * height) {
    throw new RangeError(`pixels has ${pixels.length} bytes, a ${width}x${height}x${channels} image needs ${stride * height}`);
  }
  const header = new Uint8Array(13);
  const view = new DataView(header.buffer);
  view.setUint32(0, width);
  view.setUint32(4, height);
  header.set([8, COLOUR_TYPE[channels], 0, 0, 0], 8); // bit depth, colour type, deflate, adaptive filtering, no interlace
  const rows = new Uint8Array((stride + 1) * height); // each row: filter byte 0, then the row as it is
  for (let y = 0; y < height; y++) rows.set(pixels.subarray(y * stride, (y + 1) * stride), y * (stride + 1) + 1);
  const parts = [Uint8Array.from(SIGNATURE), chunk('IHDR', header), chunk('IDAT', await deflateZlib(rows)), chunk('IEND', new Uint8Array(0))];
  return concatBytes(parts);
}
