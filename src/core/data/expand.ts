/**
 * Turns the files a user gave into the files a format reader looks at: .gz files are gunzipped (the name
 * loses its .gz), .tar/.tar.gz/.tgz and .zip archives are opened into their members. Every size is checked
 * against maxBytes before the bytes are used.
 *
 * A file named .gz that does not start with the gzip magic is taken as already decompressed: dev servers
 * (Vite among them, vitejs/vite#12266) send .gz files with `Content-Encoding: gzip`, so fetch() hands back
 * the inflated bytes under the .gz name. A .gz file with the magic but bad data is a DatasetError.
 */

import { gunzip, isGzip } from './compression.ts';
import { readTar, type ArchiveMember } from './formats/tar.ts';
import { readZip } from './formats/zip.ts';
import { byteSize, count } from './text.ts';
import { DatasetError, type DatasetFile } from './types.ts';

export interface SourceFile {
  /** The path the format readers match on: an archive member's path, or the file name without '.gz'. */
  name: string;
  bytes: Uint8Array;
  /** How messages name it: the given file name, or 'archive.tar.gz/member/path'. */
  label: string;
  /** Label of the archive it came out of, if any. */
  archive?: string;
}

export function normalisePath(name: string): string {
  return name.replace(/\\/g, '/').replace(/^(\.\/)+/, '');
}

export function checkSize(label: string, length: number, maxBytes: number): void {
  if (length > maxBytes) {
    throw new DatasetError(
      label,
      `too large: ${count(length)} bytes (${byteSize(length)}) is more than the ${byteSize(maxBytes)} limit ` +
        '(maxBytes); use a smaller file or raise maxBytes if the machine has the memory',
    );
  }
}

async function maybeGunzip(label: string, bytes: Uint8Array, maxBytes: number): Promise<Uint8Array> {
  return isGzip(bytes) ? gunzip(label, bytes, maxBytes) : bytes;
}

function stripGz(name: string): string {
  return name.replace(/\.gz$/i, '');
}

async function fromArchive(archive: string, members: ArchiveMember[], maxBytes: number): Promise<SourceFile[]> {
  if (members.length === 0) throw new DatasetError(archive, 'empty archive: it holds no files');
  const out: SourceFile[] = [];
  for (const member of members) {
    const path = normalisePath(member.path);
    const label = `${archive}/${path}`;
    checkSize(label, member.bytes.length, maxBytes);
    if (/\.gz$/i.test(path) && !/\.(tar\.gz|tgz)$/i.test(path)) {
      out.push({ name: stripGz(path), bytes: await maybeGunzip(label, member.bytes, maxBytes), label, archive });
    } else {
      out.push({ name: path, bytes: member.bytes, label, archive });
    }
  }
  return out;
}

async function expandOne(file: DatasetFile, maxBytes: number): Promise<SourceFile[]> {
  const name = normalisePath(file.name);
  if (name === '') throw new DatasetError('(unnamed file)', 'every file needs a name');
  checkSize(name, file.bytes.length, maxBytes);
  const lower = name.toLowerCase();
  if (lower.endsWith('.tar.gz') || lower.endsWith('.tgz')) {
    const tar = await maybeGunzip(name, file.bytes, maxBytes);
    return fromArchive(name, readTar(name, tar), maxBytes);
  }
  if (lower.endsWith('.tar')) return fromArchive(name, readTar(name, file.bytes), maxBytes);
  if (lower.endsWith('.zip')) return fromArchive(name, await readZip(name, file.bytes, maxBytes), maxBytes);
  if (lower.endsWith('.gz')) {
    return [{ name: stripGz(name), bytes: await maybeGunzip(name, file.bytes, maxBytes), label: name }];
  }
  return [{ name, bytes: file.bytes, label: name }];
}

/** Decompress and unpack the given files, in order. */
export async function expandFiles(
  files: readonly DatasetFile[],
  maxBytes: number,
  onProgress?: (stage: string, done: number, total: number) => void,
): Promise<SourceFile[]> {
  const out: SourceFile[] = [];
  for (let i = 0; i < files.length; i++) {
    out.push(...(await expandOne(files[i]!, maxBytes)));
    onProgress?.('unpack', i + 1, files.length);
  }
  return out;
}
