/**
 * A zip reader: the central directory (zip64 included, since Tiny-ImageNet's zip has over 65,535 entries),
 * stored and deflated members, deflate through DecompressionStream('deflate-raw'), CRC-32 checked.
 * Sizes come from the directory and are checked against maxBytes before anything is inflated.
 */

import { inflateRaw } from '../compression.ts';
import { crc32 } from '../crc32.ts';
import { byteSize, count, utf8 } from '../text.ts';
import { DatasetError } from '../types.ts';
import type { ArchiveMember } from './tar.ts';

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

interface Entry {
  path: string;
  method: number;
  flags: number;
  crc: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

function u64(view: DataView, at: number): number {
  return view.getUint32(at, true) + view.getUint32(at + 4, true) * 2 ** 32;
}

function findEocd(view: DataView): number {
  const last = view.byteLength - 22;
  for (let at = last; at >= 0 && at >= last - 0xffff; at--) {
    if (view.getUint32(at, true) === EOCD) return at;
  }
  return -1;
}

function centralDirectory(label: string, view: DataView): { entries: number; offset: number; end: number } {
  const eocd = findEocd(view);
  if (eocd < 0) {
    throw new DatasetError(label, 'not a zip file, or truncated: no end-of-central-directory record');
  }
  let entries = view.getUint16(eocd + 10, true);
  let size = view.getUint32(eocd + 12, true);
  let offset = view.getUint32(eocd + 16, true);
  let end = eocd;
  if ((entries === 0xffff || size === 0xffffffff || offset === 0xffffffff) && eocd >= 20) {
    if (view.getUint32(eocd - 20, true) === ZIP64_LOCATOR) {
      const at = u64(view, eocd - 12);
      if (at + 56 > view.byteLength || view.getUint32(at, true) !== ZIP64_EOCD) {
        throw new DatasetError(label, 'corrupt zip: the zip64 end-of-central-directory record is missing');
      }
      entries = u64(view, at + 32);
      size = u64(view, at + 40);
      offset = u64(view, at + 48);
      end = at;
    }
  }
  if (offset + size > end) {
    throw new DatasetError(label, 'corrupt or truncated zip: the central directory lies outside the file');
  }
  return { entries, offset, end: offset + size };
}

function readEntries(label: string, bytes: Uint8Array, view: DataView): Entry[] {
  const dir = centralDirectory(label, view);
  const entries: Entry[] = [];
  let at = dir.offset;
  for (let i = 0; i < dir.entries; i++) {
    if (at + 46 > dir.end || view.getUint32(at, true) !== CENTRAL) {
      throw new DatasetError(label, `corrupt zip: central directory entry ${i + 1} of ${dir.entries} is damaged`);
    }
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const entry: Entry = {
      path: utf8(bytes.subarray(at + 46, at + 46 + nameLength)),
      flags: view.getUint16(at + 8, true),
      method: view.getUint16(at + 10, true),
      crc: view.getUint32(at + 16, true),
      compressedSize: view.getUint32(at + 20, true),
      size: view.getUint32(at + 24, true),
      localOffset: view.getUint32(at + 42, true),
    };
    // zip64 extra field: the 64-bit values of whichever 32-bit fields are saturated, in this order.
    let extra = at + 46 + nameLength;
    const extraEnd = extra + extraLength;
    while (extra + 4 <= extraEnd) {
      const id = view.getUint16(extra, true);
      const length = view.getUint16(extra + 2, true);
      if (id === 0x0001) {
        let p = extra + 4;
        if (entry.size === 0xffffffff) {
          entry.size = u64(view, p);
          p += 8;
        }
        if (entry.compressedSize === 0xffffffff) {
          entry.compressedSize = u64(view, p);
          p += 8;
        }
        if (entry.localOffset === 0xffffffff) entry.localOffset = u64(view, p);
      }
      extra += 4 + length;
    }
    entries.push(entry);
    at = extraEnd + commentLength;
  }
  return entries;
}

async function extract(label: string, bytes: Uint8Array, view: DataView, entry: Entry, maxBytes: number) {
  const where = `${label}/${entry.path}`;
  if (entry.flags & 1) throw new DatasetError(where, 'encrypted zip members are not supported');
  const at = entry.localOffset;
  if (at + 30 > bytes.length || view.getUint32(at, true) !== LOCAL) {
    throw new DatasetError(where, 'corrupt zip: the local header is missing or damaged');
  }
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  const end = start + entry.compressedSize;
  if (end > bytes.length) throw new DatasetError(where, 'truncated zip: the member data runs past the end of the file');
  const raw = bytes.subarray(start, end);
  let data: Uint8Array;
  if (entry.method === 0) {
    if (entry.compressedSize !== entry.size) throw new DatasetError(where, 'corrupt zip: stored member sizes differ');
    data = raw;
  } else if (entry.method === 8) {
    data = await inflateRaw(where, raw, entry.size, maxBytes);
  } else {
    throw new DatasetError(where, `zip compression method ${entry.method} is not supported (only stored and deflate)`);
  }
  if (crc32(data) !== entry.crc) throw new DatasetError(where, 'corrupt zip member: CRC-32 mismatch');
  return data;
}

/** Every member of a zip archive, inflated. `label` names the archive in errors. */
export async function readZip(label: string, bytes: Uint8Array, maxBytes: number): Promise<ArchiveMember[]> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const entries = readEntries(label, bytes, view);
  let total = 0;
  for (const entry of entries) total += entry.size;
  if (total > maxBytes) {
    throw new DatasetError(
      label,
      `too large: its ${count(entries.length)} members hold ${byteSize(total)} uncompressed, ` +
        `more than the ${byteSize(maxBytes)} limit (maxBytes)`,
    );
  }
  const members: ArchiveMember[] = new Array(entries.length);
  let next = 0;
  const worker = async () => {
    while (next < entries.length) {
      const i = next++;
      const entry = entries[i]!;
      const isDirectory = entry.path.endsWith('/');
      const data = isDirectory ? new Uint8Array(0) : await extract(label, bytes, view, entry, maxBytes);
      members[i] = { path: entry.path, bytes: data };
    }
  };
  await Promise.all(Array.from({ length: Math.min(16, entries.length) }, worker));
  return members;
}
