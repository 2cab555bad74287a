/**
 * Small valid dataset files built in memory for the tests: CIFAR batches, IDX pairs, tar and zip
 * archives, and a trivial "image" encoding with its decoder (so image-folder tests need no codec).
 * Pure TypeScript like the rest of core; the tests break these bytes on purpose.
 */

import { concatBytes } from '../core/data/bytes.ts';
import { deflateRaw } from '../core/data/compression.ts';
import { crc32 } from '../core/data/crc32.ts';
import type { DecodedImage, ImageDecoder } from '../core/data/types.ts';

/** A deterministic pixel value for image i, channel c, pixel p. */
export const pixelOf = (i: number, c: number, p: number): number => (i * 31 + c * 101 + p * 7) & 0xff;

/** CIFAR-10 records (label byte + R, G, B planes); label of record i is labels[i] or i % 10. */
export function cifar10Bytes(records: number, labels?: number[]): Uint8Array {
  const out = new Uint8Array(records * 3073);
  for (let i = 0; i < records; i++) {
    const at = i * 3073;
    out[at] = labels?.[i] ?? i % 10;
    for (let c = 0; c < 3; c++) for (let p = 0; p < 1024; p++) out[at + 1 + c * 1024 + p] = pixelOf(i, c, p);
  }
  return out;
}

/** CIFAR-100 records (coarse, fine, planes); fine label i % 100, coarse i % 20. */
export function cifar100Bytes(records: number): Uint8Array {
  const out = new Uint8Array(records * 3074);
  for (let i = 0; i < records; i++) {
    const at = i * 3074;
    out[at] = i % 20;
    out[at + 1] = i % 100;
    for (let c = 0; c < 3; c++) for (let p = 0; p < 1024; p++) out[at + 2 + c * 1024 + p] = pixelOf(i, c, p);
  }
  return out;
}

function bigEndian(values: number[]): number[] {
  return values.flatMap((v) => [(v >>> 24) & 0xff, (v >>> 16) & 0xff, (v >>> 8) & 0xff, v & 0xff]);
}

/** An IDX images file: magic 0x00000803, [n, rows, cols], pixel (i, 0, p). */
export function idxImages(n: number, rows: number, cols: number): Uint8Array {
  const header = [0, 0, 8, 3, ...bigEndian([n, rows, cols])];
  const out = new Uint8Array(header.length + n * rows * cols);
  out.set(header);
  for (let i = 0; i < n; i++) for (let p = 0; p < rows * cols; p++) out[header.length + i * rows * cols + p] = pixelOf(i, 0, p);
  return out;
}

/** An IDX labels file: magic 0x00000801, [n]. */
export function idxLabels(labels: number[]): Uint8Array {
  return Uint8Array.from([0, 0, 8, 1, ...bigEndian([labels.length]), ...labels]);
}

export interface ArchiveEntry {
  path: string;
  /** Omit for a directory entry (path ending in '/'). */
  bytes?: Uint8Array;
  /** tar type flag; default '0' (file) or '5' (directory, when the path ends in '/'). */
  type?: string;
}

function ascii(out: Uint8Array, at: number, text: string): void {
  for (let i = 0; i < text.length; i++) out[at + i] = text.charCodeAt(i);
}

/** A ustar archive with correct checksums and the two-zero-block trailer. */
export function tarBytes(entries: ArchiveEntry[]): Uint8Array {
  const blocks: Uint8Array[] = [];
  for (const entry of entries) {
    const data = entry.bytes ?? new Uint8Array(0);
    const header = new Uint8Array(512);
    ascii(header, 0, entry.path);
    ascii(header, 100, '0000644\0');
    ascii(header, 108, '0001750\0');
    ascii(header, 116, '0001750\0');
    ascii(header, 124, `${data.length.toString(8).padStart(11, '0')}\0`);
    ascii(header, 136, '14712345670\0');
    ascii(header, 148, '        ');
    header[156] = (entry.type ?? (entry.path.endsWith('/') ? '5' : '0')).charCodeAt(0);
    ascii(header, 257, 'ustar\u000000');
    let sum = 0;
    for (const b of header) sum += b;
    ascii(header, 148, `${sum.toString(8).padStart(6, '0')}\0 `);
    blocks.push(header);
    const padded = new Uint8Array(Math.ceil(data.length / 512) * 512);
    padded.set(data);
    blocks.push(padded);
  }
  blocks.push(new Uint8Array(1024));
  return concatBytes(blocks);
}

export { concatBytes };

const le16 = (v: number) => [v & 0xff, (v >>> 8) & 0xff];
const le32 = (v: number) => [v & 0xff, (v >>> 8) & 0xff, (v >>> 16) & 0xff, (v >>> 24) & 0xff];

/** A zip archive; files are deflated when `deflate` is true (the default), else stored. */
export async function zipBytes(entries: ArchiveEntry[], deflate = true): Promise<Uint8Array> {
  const locals: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const entry of entries) {
    const data = entry.bytes ?? new Uint8Array(0);
    const name = Uint8Array.from(entry.path, (c) => c.charCodeAt(0));
    const method = deflate && !entry.path.endsWith('/') ? 8 : 0;
    const body = method === 8 ? await deflateRaw(data) : data;
    // method, time, date, crc, sizes, name length, extra length: shared by local and central headers
    const common = [
      ...le16(method), 0, 0, 0, 0, ...le32(crc32(data)), ...le32(body.length), ...le32(data.length),
      ...le16(name.length), 0, 0,
    ];
    const local = concatBytes([Uint8Array.from([...le32(0x04034b50), 20, 0, 0, 0, ...common]), name, body]);
    central.push(concatBytes([
      Uint8Array.from([...le32(0x02014b50), 20, 0, 20, 0, 0, 0, ...common, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, ...le32(offset)]),
      name,
    ]));
    locals.push(local);
    offset += local.length;
  }
  const directory = concatBytes(central);
  const end = Uint8Array.from([
    ...le32(0x06054b50), 0, 0, 0, 0, ...le16(entries.length), ...le16(entries.length),
    ...le32(directory.length), ...le32(offset), 0, 0,
  ]);
  return concatBytes([...locals, directory, end]);
}

/** A test-only image encoding: 'TI', height, width, channels, then HWC bytes. */
export function testImage(height: number, width: number, channels: number, fill: (i: number) => number): Uint8Array {
  const out = new Uint8Array(5 + height * width * channels);
  out.set([0x54, 0x49, height, width, channels]);
  for (let i = 0; i < height * width * channels; i++) out[5 + i] = fill(i) & 0xff;
  return out;
}

/** Decodes testImage() bytes; anything else is an error, as a real codec would say. */
export const testDecoder: ImageDecoder = async (bytes, fileName): Promise<DecodedImage> => {
  if (bytes.length < 5 || bytes[0] !== 0x54 || bytes[1] !== 0x49) throw new Error(`unsupported image data in ${fileName}`);
  const [height, width, channels] = [bytes[2]!, bytes[3]!, bytes[4]!];
  return { height, width, channels, data: bytes.subarray(5) };
};
