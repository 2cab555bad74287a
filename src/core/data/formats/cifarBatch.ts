/**
 * One CIFAR binary batch: fixed-size records, no header. CIFAR-10: 1 label byte + 3,072 pixel bytes;
 * CIFAR-100: coarse label byte, fine label byte + 3,072 pixel bytes. Pixels are three 32x32 planes (R, G, B),
 * row-major; they are converted to HWC here. Validation reads only the label bytes and allocates nothing.
 */

import type { SourceFile } from '../expand.ts';
import { baseName, count } from '../text.ts';
import { DatasetError, type ImageSet } from '../types.ts';

export type CifarKind = 'cifar10' | 'cifar100';

export interface CifarLayout {
  title: string;
  record: number;
  labelBytes: number;
  classes: number;
  coarseClasses: number;
  /** How files of this kind are named, for hints. */
  names: string;
}

const PIXELS = 32 * 32 * 3;

export const CIFAR_LAYOUT: Record<CifarKind, CifarLayout> = {
  cifar10: {
    title: 'CIFAR-10',
    record: 1 + PIXELS,
    labelBytes: 1,
    classes: 10,
    coarseClasses: 0,
    names: 'data_batch_N.bin / test_batch.bin',
  },
  cifar100: {
    title: 'CIFAR-100',
    record: 2 + PIXELS,
    labelBytes: 2,
    classes: 100,
    coarseClasses: 20,
    names: 'train.bin / test.bin',
  },
};

export const CIFAR_SHAPE = { height: 32, width: 32, channels: 3 } as const;

/** Which layout a batch has, from its name; undefined when the name is not a CIFAR batch name. */
export function cifarKindByName(path: string): CifarKind | undefined {
  const name = baseName(path).toLowerCase();
  if (/^data_batch_\d+\.bin$/.test(name) || name === 'test_batch.bin') return 'cifar10';
  if (name === 'train.bin' || name === 'test.bin') return 'cifar100';
  return undefined;
}

/** For a .bin with another name: the layout whose record size divides its length, if exactly one does. */
export function cifarKindBySize(length: number): CifarKind | undefined {
  const ten = length % CIFAR_LAYOUT.cifar10.record === 0;
  const hundred = length % CIFAR_LAYOUT.cifar100.record === 0;
  if (length === 0 || ten === hundred) return undefined;
  return ten ? 'cifar10' : 'cifar100';
}

/** Check a batch's size and every label byte; returns its record count. Allocates nothing. */
export function checkCifarBatch(file: SourceFile, kind: CifarKind): number {
  const layout = CIFAR_LAYOUT[kind];
  const length = file.bytes.length;
  if (length === 0) throw new DatasetError(file.label, `empty: 0 bytes, expected ${layout.title} records`);
  if (length % layout.record !== 0) {
    const other = CIFAR_LAYOUT[kind === 'cifar10' ? 'cifar100' : 'cifar10'];
    if (length % other.record === 0) {
      throw new DatasetError(
        file.label,
        `wrong record size: ${count(length)} bytes is a multiple of the ${count(other.record)}-byte ` +
          `${other.title} record, not of the ${count(layout.record)}-byte ${layout.title} record ` +
          `(${other.title} batches are named ${other.names})`,
      );
    }
    throw new DatasetError(
      file.label,
      `truncated: ${count(length)} bytes is not a multiple of the ${count(layout.record)}-byte ` +
        `${layout.title} record (the last record has ${count(length % layout.record)} of its bytes)`,
    );
  }
  const records = length / layout.record;
  const bytes = file.bytes;
  for (let r = 0; r < records; r++) {
    const at = r * layout.record;
    if (layout.labelBytes === 1) {
      if (bytes[at]! >= layout.classes) throw badLabel(file, layout, 'label', bytes[at]!, layout.classes, r, at);
    } else {
      if (bytes[at]! >= layout.coarseClasses) {
        throw badLabel(file, layout, 'coarse label', bytes[at]!, layout.coarseClasses, r, at);
      }
      if (bytes[at + 1]! >= layout.classes) {
        throw badLabel(file, layout, 'fine label', bytes[at + 1]!, layout.classes, r, at + 1);
      }
    }
  }
  return records;
}

function badLabel(
  file: SourceFile,
  layout: CifarLayout,
  what: string,
  value: number,
  n: number,
  record: number,
  at: number,
): DatasetError {
  const records = file.bytes.length / layout.record;
  return new DatasetError(
    file.label,
    `${what} ${value} out of range 0-${n - 1} in record ${count(record)} of ${count(records)} ` +
      `(counting from 0; byte ${count(at)}); ` +
      `is this really a ${layout.title} batch?`,
  );
}

/** Copy a checked batch into `set` from image `start` on, planes (CHW) to interleaved HWC. */
export function decodeCifarBatch(file: SourceFile, kind: CifarKind, set: ImageSet, start: number): number {
  const layout = CIFAR_LAYOUT[kind];
  const bytes = file.bytes;
  const records = bytes.length / layout.record;
  const plane = 32 * 32;
  const out = set.images;
  for (let r = 0; r < records; r++) {
    const at = r * layout.record;
    const image = start + r;
    if (layout.labelBytes === 1) {
      set.labels[image] = bytes[at]!;
    } else {
      set.coarseLabels![image] = bytes[at]!;
      set.labels[image] = bytes[at + 1]!;
    }
    const src = at + layout.labelBytes;
    let dst = image * PIXELS;
    for (let p = 0; p < plane; p++) {
      out[dst++] = bytes[src + p]!;
      out[dst++] = bytes[src + plane + p]!;
      out[dst++] = bytes[src + 2 * plane + p]!;
    }
  }
  return records;
}
