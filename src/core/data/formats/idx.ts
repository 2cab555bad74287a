/**
 * MNIST-style IDX files (MNIST, Fashion-MNIST), raw or .gz: an images file (magic 0x00000803, dims
 * [count, rows, cols]) and a labels file (magic 0x00000801, dims [count]) per split, paired by name
 * (t10k/test in the name = test split; a single pair is the training split whatever its name). Headers,
 * sizes, counts and label ranges are checked before pixels are allocated.
 */

import type { SourceFile } from '../expand.ts';
import { baseName, count, plural } from '../text.ts';
import { DatasetError, type ImageSet } from '../types.ts';
import { FASHION_MNIST_CLASSES, MNIST_CLASSES } from './classNames.ts';
import { allocateImageSet, type DatasetContent, type DatasetFormat, type ReadContext } from './format.ts';

interface IdxFile {
  file: SourceFile;
  kind: 'images' | 'labels';
  dims: number[];
  dataOffset: number;
}

const hex = (n: number) => `0x${n.toString(16).padStart(8, '0')}`;
const EXPECTED = 'expected 0x00000803 (images) or 0x00000801 (labels)';

function parseHeader(file: SourceFile): IdxFile {
  const b = file.bytes;
  if (b.length < 4) throw new DatasetError(file.label, `truncated: ${b.length} bytes, too short for an IDX header`);
  const magic = ((b[0]! << 24) | (b[1]! << 16) | (b[2]! << 8) | b[3]!) >>> 0;
  if (b[0] !== 0 || b[1] !== 0) throw new DatasetError(file.label, `bad IDX magic ${hex(magic)}: ${EXPECTED}`);
  if (b[2] !== 0x08) {
    throw new DatasetError(
      file.label,
      `bad IDX magic ${hex(magic)}: data type 0x${b[2]!.toString(16).padStart(2, '0')} is not supported, ` +
        `only unsigned bytes (0x08); ${EXPECTED}`,
    );
  }
  const ndim = b[3]!;
  if (ndim !== 1 && ndim !== 3) {
    throw new DatasetError(file.label, `bad IDX magic ${hex(magic)}: ${ndim} dimensions; ${EXPECTED}`);
  }
  const dataOffset = 4 + 4 * ndim;
  if (b.length < dataOffset) {
    throw new DatasetError(file.label, `truncated: the IDX header needs ${dataOffset} bytes, the file has ${b.length}`);
  }
  const dims: number[] = [];
  for (let d = 0; d < ndim; d++) {
    const at = 4 + 4 * d;
    dims.push(((b[at]! << 24) | (b[at + 1]! << 16) | (b[at + 2]! << 8) | b[at + 3]!) >>> 0);
  }
  if (dims[0] === 0) throw new DatasetError(file.label, `empty: the IDX header [${dims.join(', ')}] says 0 items`);
  if (dims.some((d) => d === 0)) {
    throw new DatasetError(file.label, `bad IDX dims [${dims.join(', ')}]: rows and columns must be at least 1`);
  }
  const needed = dataOffset + dims.reduce((a, d) => a * d, 1);
  if (b.length !== needed) {
    const why = b.length < needed ? 'truncated' : `${plural(b.length - needed, 'extra byte')} at the end`;
    throw new DatasetError(
      file.label,
      `size mismatch: the IDX header [${dims.join(', ')}] needs ${count(needed)} bytes, the file has ` +
        `${count(b.length)} (${why})`,
    );
  }
  return { file, kind: ndim === 3 ? 'images' : 'labels', dims, dataOffset };
}

function isTest(file: SourceFile): boolean {
  return /t10k|test/i.test(baseName(file.name));
}

function pick(list: IdxFile[], kind: 'images' | 'labels', split: string): IdxFile | undefined {
  const found = list.filter((f) => f.kind === kind);
  if (found.length > 1) {
    throw new DatasetError(
      found[1]!.file.label,
      `a second ${kind} file for the ${split} split (besides ${found[0]!.file.label}); give one pair per split`,
    );
  }
  return found[0];
}

function readSplit(list: IdxFile[], split: string, classes: number, context: ReadContext): ImageSet | undefined {
  const images = pick(list, 'images', split);
  const labels = pick(list, 'labels', split);
  if (!images && !labels) return undefined;
  if (!labels) {
    throw new DatasetError(images!.file.label, `no labels file (IDX 0x00000801) given for these ${split} images`);
  }
  if (!images) {
    throw new DatasetError(labels.file.label, `no images file (IDX 0x00000803) given for these ${split} labels`);
  }
  const [n, rows, cols] = images.dims as [number, number, number];
  if (labels.dims[0] !== n) {
    throw new DatasetError(
      labels.file.label,
      `count mismatch: ${count(labels.dims[0]!)} labels but ${images.file.label} has ${count(n)} images`,
    );
  }
  const labelBytes = labels.file.bytes.subarray(labels.dataOffset);
  for (let i = 0; i < n; i++) {
    if (labelBytes[i]! >= classes) {
      throw new DatasetError(
        labels.file.label,
        `label ${labelBytes[i]} at index ${count(i)} is out of range 0-${classes - 1}`,
      );
    }
  }
  const set = allocateImageSet(images.file.label, n, { height: rows, width: cols, channels: 1 }, context.maxBytes);
  set.images.set(images.file.bytes.subarray(images.dataOffset));
  set.labels.set(labelBytes);
  return set;
}

async function readIdx(files: readonly SourceFile[], context: ReadContext): Promise<DatasetContent> {
  const idx = files.filter(looksLikeIdx).map(parseHeader);
  const fashion = idx.some((f) => /fashion/i.test(f.file.label));
  const classes = [...(fashion ? FASHION_MNIST_CLASSES : MNIST_CLASSES)];
  // One pair is always the training split, whatever its names say (e.g. 't10k-...' given on its own).
  const countOf = (kind: IdxFile['kind']) => idx.filter((f) => f.kind === kind).length;
  const single = countOf('images') === 1 && countOf('labels') === 1;
  const inTest = (f: IdxFile) => !single && isTest(f.file);
  const train = readSplit(idx.filter((f) => !inTest(f)), 'train', classes.length, context);
  const test = readSplit(idx.filter(inTest), 'test', classes.length, context);
  if (!train) {
    throw new DatasetError(
      idx[0]!.file.label,
      'no training pair: test files (t10k/test in the name) need a train images + labels pair beside them',
    );
  }
  if (test && (test.height !== train.height || test.width !== train.width)) {
    throw new DatasetError(
      'IDX files',
      `train images are ${train.height}x${train.width}, test images ${test.height}x${test.width}`,
    );
  }
  const name = fashion ? 'Fashion-MNIST' : 'MNIST';
  const content: DatasetContent = {
    name,
    classes,
    train,
    provenance: `${name} IDX files: ${idx.map((f) => f.file.label).join(', ')}`,
  };
  if (test) content.test = test;
  return content;
}

/** By name, or (for names without a known other extension) by the IDX magic of unsigned-byte data. */
function looksLikeIdx(file: SourceFile): boolean {
  if (/idx\d-ubyte$|\.idx\d?$/i.test(file.name)) return true;
  if (/\.(bin|txt|json|csv|png|jpe?g|gif|bmp|webp)$/i.test(file.name) || file.name.endsWith('/')) return false;
  const b = file.bytes;
  return b.length >= 8 && b[0] === 0 && b[1] === 0 && b[2] === 0x08 && (b[3] === 1 || b[3] === 3);
}

export const idxFormat: DatasetFormat = {
  id: 'idx',
  description: 'MNIST / Fashion-MNIST IDX pairs (train-images-idx3-ubyte, train-labels-idx1-ubyte, t10k-...)',
  detect: (files) => files.some(looksLikeIdx),
  read: readIdx,
};
