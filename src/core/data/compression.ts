/**
 * gzip and raw-deflate through the platform's DecompressionStream (no hand-written inflater). Output is
 * capped at maxBytes while it streams, so a small file that inflates to gigabytes is refused, not allocated.
 */

import { concatBytes } from './bytes.ts';
import { platform, type ByteTransform } from './platform.ts';
import { byteSize, count } from './text.ts';
import { DatasetError } from './types.ts';

/** True when the bytes start with the gzip magic 1f 8b. */
export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

async function pump(
  transform: ByteTransform,
  input: Uint8Array,
  label: string,
  what: string,
  maxBytes: number,
): Promise<Uint8Array> {
  const writer = transform.writable.getWriter();
  const writing = (async () => {
    await writer.write(input);
    await writer.close();
  })();
  // The reader reports any failure; the write side's rejection is the same failure and is not needed.
  writing.catch(() => undefined);

  const reader = transform.readable.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (value === undefined) continue;
      total += value.length;
      if (total > maxBytes) {
        await reader.cancel('too large').catch(() => undefined);
        throw new DatasetError(
          label,
          `too large: decompresses to more than ${byteSize(maxBytes)} (the maxBytes limit); ` +
            'use a smaller file or raise maxBytes if the machine has the memory',
        );
      }
      chunks.push(value);
    }
  } catch (error) {
    if (error instanceof DatasetError) throw error;
    const message = error instanceof Error ? error.message : String(error);
    const hint = /unexpected end/i.test(message) ? 'truncated: ' : '';
    throw new DatasetError(label, `corrupt ${what}: ${hint}${message}`);
  }
  return concatBytes(chunks);
}

/** Decompress a gzip file (several concatenated members are fine). */
export async function gunzip(label: string, bytes: Uint8Array, maxBytes: number): Promise<Uint8Array> {
  if (!isGzip(bytes)) {
    throw new DatasetError(label, 'corrupt gzip: the file does not start with the gzip magic bytes 1f 8b');
  }
  return pump(platform.decompressionStream('gzip'), bytes, label, 'gzip', maxBytes);
}

/** Inflate a raw deflate stream (a zip member) that must come out as exactly `expectedSize` bytes. */
export async function inflateRaw(
  label: string,
  bytes: Uint8Array,
  expectedSize: number,
  maxBytes: number,
): Promise<Uint8Array> {
  const out = await pump(platform.decompressionStream('deflate-raw'), bytes, label, 'deflate data', maxBytes);
  if (out.length !== expectedSize) {
    throw new DatasetError(
      label,
      `corrupt deflate data: inflated to ${count(out.length)} bytes, the zip directory says ${count(expectedSize)}`,
    );
  }
  return out;
}

/** gzip-compress bytes (used by tests and tools; readers only decompress). */
export async function gzip(bytes: Uint8Array): Promise<Uint8Array> {
  return pump(platform.compressionStream('gzip'), bytes, 'gzip', 'gzip', Number.MAX_SAFE_INTEGER);
}

/** zlib-wrapped deflate (RFC 1950: header, deflate, Adler-32), the stream a PNG's IDAT holds. */
export async function deflateZlib(bytes: Uint8Array): Promise<Uint8Array> {
  return pump(platform.compressionStream('deflate'), bytes, 'deflate', 'deflate', Number.MAX_SAFE_INTEGER);
}

/** Raw-deflate-compress bytes (used by tests to build zip files). */
export async function deflateRaw(bytes: Uint8Array): Promise<Uint8Array> {
  return pump(platform.compressionStream('deflate-raw'), bytes, 'deflate', 'deflate', Number.MAX_SAFE_INTEGER);
}
