/** Small helpers for readable messages and for reading text files without DOM types. */

import { platform } from './platform.ts';

/** 30729000 -> '30,729,000' (locale-independent). */
export function count(n: number): string {
  const sign = n < 0 ? '-' : '';
  const digits = String(Math.abs(Math.trunc(n)));
  return sign + digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** 2147483648 -> '2 GiB', 1536 -> '1.5 KiB'. */
export function byteSize(n: number): string {
  const units = ['bytes', 'KiB', 'MiB', 'GiB', 'TiB'];
  let value = n;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  if (unit === 0) return `${count(n)} bytes`;
  const text = value >= 100 || Number.isInteger(value) ? value.toFixed(0) : value.toFixed(1);
  return `${text.replace(/\.0$/, '')} ${units[unit]}`;
}

/** "1 image" / "3 images". */
export function plural(n: number, word: string): string {
  return `${count(n)} ${word}${n === 1 ? '' : 's'}`;
}

/** The last path segment: 'a/b/data_batch_1.bin' -> 'data_batch_1.bin'. */
export function baseName(path: string): string {
  const trimmed = path.endsWith('/') ? path.slice(0, -1) : path;
  const slash = trimmed.lastIndexOf('/');
  return slash < 0 ? trimmed : trimmed.slice(slash + 1);
}

/** Everything before the last segment, with its trailing slash: 'a/b/c.bin' -> 'a/b/'; 'c.bin' -> ''. */
export function dirName(path: string): string {
  const trimmed = path.endsWith('/') ? path.slice(0, -1) : path;
  const slash = trimmed.lastIndexOf('/');
  return slash < 0 ? '' : trimmed.slice(0, slash + 1);
}

/** UTF-8 bytes to a string (a leading BOM is dropped). */
export function utf8(bytes: Uint8Array): string {
  const text = platform.textDecoder().decode(bytes);
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Non-empty trimmed lines of a text file. */
export function lines(bytes: Uint8Array): string[] {
  return utf8(bytes)
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l.length > 0);
}
