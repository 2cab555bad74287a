/**
 * A small tar reader: POSIX ustar and old v7 headers in 512-byte blocks, every header's checksum checked,
 * plus the two long-name extensions real archives use (pax 'x' path records and GNU 'L' entries).
 * Members are views into the archive's bytes, not copies.
 */

import { count, utf8 } from '../text.ts';
import { DatasetError } from '../types.ts';

export interface ArchiveMember {
  /** '/'-separated path inside the archive; directories end with '/'. */
  path: string;
  bytes: Uint8Array;
}

const BLOCK = 512;

function field(header: Uint8Array, start: number, length: number): string {
  let end = start;
  while (end < start + length && header[end] !== 0) end++;
  let text = '';
  for (let i = start; i < end; i++) text += String.fromCharCode(header[i]!);
  return text;
}

function octal(header: Uint8Array, start: number, length: number): number {
  // GNU base-256 encoding for sizes >= 8 GiB: high bit of the first byte set.
  if ((header[start]! & 0x80) !== 0) {
    let value = header[start]! & 0x7f;
    for (let i = start + 1; i < start + length; i++) value = value * 256 + header[i]!;
    return value;
  }
  const text = field(header, start, length).trim();
  if (text === '') return 0;
  if (!/^[0-7]+$/.test(text)) return Number.NaN;
  return parseInt(text, 8);
}

function checksumMatches(header: Uint8Array): boolean {
  const stored = octal(header, 148, 8);
  let unsigned = 0;
  let signed = 0;
  for (let i = 0; i < BLOCK; i++) {
    const b = i >= 148 && i < 156 ? 0x20 : header[i]!;
    unsigned += b;
    signed += b >= 0x80 ? b - 256 : b;
  }
  return stored === unsigned || stored === signed;
}

function isZeroBlock(bytes: Uint8Array, offset: number): boolean {
  const end = Math.min(offset + BLOCK, bytes.length);
  for (let i = offset; i < end; i++) if (bytes[i] !== 0) return false;
  return true;
}

/** pax extended header records: "<length> <key>=<value>\n"; returns the 'path' value if there is one. */
function paxPath(data: Uint8Array): string | undefined {
  const match = /(?:^|\n)\d+ path=([^\n]*)\n/.exec(utf8(data));
  return match ? match[1] : undefined;
}

function cleanPath(path: string): string {
  return path.replace(/^(\.\/)+/, '').replace(/^\/+/, '');
}

/** Every file and directory in a tar archive, in archive order. `label` names the archive in errors. */
export function readTar(label: string, bytes: Uint8Array): ArchiveMember[] {
  const members: ArchiveMember[] = [];
  let offset = 0;
  let nextPath: string | undefined;
  while (offset < bytes.length) {
    if (isZeroBlock(bytes, offset)) break; // end-of-archive marker (or zero padding)
    if (offset + BLOCK > bytes.length) {
      throw new DatasetError(label, `truncated tar: the header at byte ${count(offset)} is cut off`);
    }
    const header = bytes.subarray(offset, offset + BLOCK);
    const headerName = field(header, 0, 100);
    if (!checksumMatches(header)) {
      throw new DatasetError(
        label,
        `corrupt tar: bad header checksum at byte ${count(offset)}` + (headerName ? ` (member '${headerName}')` : ''),
      );
    }
    const size = octal(header, 124, 12);
    if (!Number.isFinite(size)) {
      throw new DatasetError(label, `corrupt tar: member '${headerName}' has an unreadable size field`);
    }
    const type = String.fromCharCode(header[156]!);
    const isUstar = field(header, 257, 6).startsWith('ustar');
    const prefix = isUstar ? field(header, 345, 155) : '';
    const path = nextPath ?? (prefix ? `${prefix}/${headerName}` : headerName);
    const dataStart = offset + BLOCK;
    const dataEnd = dataStart + size;
    if (dataEnd > bytes.length) {
      throw new DatasetError(
        label,
        `truncated tar: member '${cleanPath(path)}' needs ${count(size)} bytes but the archive ends ` +
          `${count(bytes.length - dataStart)} bytes into it`,
      );
    }
    const data = bytes.subarray(dataStart, dataEnd);
    if (type === 'x') {
      nextPath = paxPath(data) ?? nextPath;
    } else if (type === 'L') {
      nextPath = field(data, 0, data.length);
    } else {
      if (type === '0' || type === '\0' || type === '7') members.push({ path: cleanPath(path), bytes: data });
      else if (type === '5') members.push({ path: cleanPath(path.endsWith('/') ? path : `${path}/`), bytes: data });
      // Links, devices, FIFOs and global pax headers ('g') carry no file data we need.
      nextPath = undefined;
    }
    offset = dataStart + Math.ceil(size / BLOCK) * BLOCK;
  }
  return members;
}
