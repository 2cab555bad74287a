import { crc32 as nodeCrc32, inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { encodePng } from './encodePng.ts';

/** A PNG decoder for the encoder's own output, written from the spec with node:zlib doing the inflating. */
function decodePng(png: Uint8Array) {
  expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  const chunks: Array<{ type: string; data: Uint8Array }> = [];
  for (let at = 8; at < png.length; ) {
    const length = view.getUint32(at);
    const type = String.fromCharCode(...png.subarray(at + 4, at + 8));
    const data = png.subarray(at + 8, at + 8 + length);
    expect(view.getUint32(at + 8 + length), `CRC of ${type}`).toBe(nodeCrc32(png.subarray(at + 4, at + 8 + length)));
    chunks.push({ type, data });
    at += 12 + length;
  }
  expect(chunks[0]!.type).toBe('IHDR');
  expect(chunks.at(-1)).toEqual({ type: 'IEND', data: new Uint8Array(0) });
  const ihdr = new DataView(chunks[0]!.data.buffer, chunks[0]!.data.byteOffset, 13);
  const [width, height, depth, colourType] = [ihdr.getUint32(0), ihdr.getUint32(4), ihdr.getUint8(8), ihdr.getUint8(9)];
  expect([ihdr.getUint8(10), ihdr.getUint8(11), ihdr.getUint8(12)]).toEqual([0, 0, 0]);
  const channels = ({ 0: 1, 2: 3, 6: 4 } as Record<number, number>)[colourType]!;
  const idat = Buffer.concat(chunks.filter((c) => c.type === 'IDAT').map((c) => c.data));
  const rows = inflateSync(idat); // zlib-wrapped: inflateSync checks the header and the Adler-32
  const stride = width * channels;
  expect(rows.length).toBe((stride + 1) * height);
  const pixels = new Uint8Array(stride * height);
  for (let y = 0; y < height; y++) {
    expect(rows[y * (stride + 1)], `filter type of row ${y}`).toBe(0);
    pixels.set(rows.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1)), y * stride);
  }
  return { width, height, depth, colourType, channels, pixels };
}

const pattern = (n: number) => Uint8Array.from({ length: n }, (_, i) => (i * 37 + (i >> 5)) & 0xff);

describe('encodePng', () => {
  it.each([
    [1, 0],
    [3, 2],
    [4, 6],
  ] as const)('writes %i-channel pixels as colour type %i that decode to the same bytes', async (channels, colourType) => {
    const [width, height] = [7, 5]; // not square, so a swapped width and height shows
    const pixels = pattern(width * height * channels);
    const png = decodePng(await encodePng(pixels, width, height, channels));
    expect(png).toMatchObject({ width, height, depth: 8, colourType, channels });
    expect(png.pixels).toEqual(pixels);
  });

  it('round-trips a larger image, and really deflates the rows', async () => {
    const pixels = pattern(160 * 120 * 3);
    expect(decodePng(await encodePng(pixels, 160, 120, 3)).pixels).toEqual(pixels);
    const flat = await encodePng(new Uint8Array(160 * 120 * 3).fill(128), 160, 120, 3);
    expect(flat.length).toBeLessThan(1000);
  });

  it('encodes a view into a larger buffer from its own offset', async () => {
    const backing = pattern(100);
    const pixels = backing.subarray(10, 10 + 4 * 3);
    expect(decodePng(await encodePng(pixels, 2, 2, 3)).pixels).toEqual(pixels.slice());
  });

  it('refuses pixels that do not fit the size, and bad sizes or channels', async () => {
    await expect(encodePng(new Uint8Array(11), 2, 2, 3)).rejects.toThrow('pixels has 11 bytes, a 2x2x3 image needs 12');
    await expect(encodePng(new Uint8Array(0), 0, 2, 1)).rejects.toThrow('width must be a positive integer, got 0');
    await expect(encodePng(new Uint8Array(4), 2, 2.5, 1)).rejects.toThrow('height must be a positive integer, got 2.5');
    await expect(encodePng(new Uint8Array(8), 2, 2, 2 as 3)).rejects.toThrow('channels must be 1, 3 or 4, got 2');
  });
});
