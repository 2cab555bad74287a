/**
 * Writing a .zip in memory, through zip.js (the lab reads zips with its own formats/zip.ts). Members are
 * deflated by the platform's CompressionStream in the calling thread: zip.js's web workers are turned off,
 * since Node has none and the lab's callers need no second thread for a few megabytes. Names are stored
 * as UTF-8 (zip.js sets the language-encoding flag for non-ASCII names).
 */
import { TextReader, Uint8ArrayReader, Uint8ArrayWriter, ZipWriter } from '@zip.js/zip.js';

export type ZipEntry =
  /** A file; `store` keeps it uncompressed (for data that is compressed already, such as PNGs). */
  | { path: string; bytes: Uint8Array | string; store?: boolean }
  /** An empty folder (`path` without the trailing slash). */
  | { path: string; directory: true };

export async function writeZip(entries: Iterable<ZipEntry>): Promise<Uint8Array> {
  const zip = new ZipWriter<Uint8Array<ArrayBuffer>>(new Uint8ArrayWriter(), { useWebWorkers: false });
  for (const e of entries) {
    if ('directory' in e) await zip.add(`${e.path}/`, undefined, { directory: true });
    else {
      const reader = typeof e.bytes === 'string' ? new TextReader(e.bytes) : new Uint8ArrayReader(e.bytes);
      await zip.add(e.path, reader, e.store ? { level: 0 } : {});
    }
  }
  return zip.close();
}
