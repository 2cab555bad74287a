/**
 * The CIFAR-10 and CIFAR-100 "binary version": loose batches (.bin, .bin.gz) or the distributed archives
 * (cifar-10-binary.tar.gz, cifar-100-binary.tar.gz). Training batches are concatenated in batch order;
 * test_batch.bin / test.bin become the test split. Every batch is checked before pixels are allocated.
 */

import type { SourceFile } from '../expand.ts';
import { baseName, dirName } from '../text.ts';
import { DatasetError, type ImageSet } from '../types.ts';
import {
  CIFAR_LAYOUT,
  CIFAR_SHAPE,
  checkCifarBatch,
  cifarKindByName,
  cifarKindBySize,
  decodeCifarBatch,
  type CifarKind,
} from './cifarBatch.ts';
import { CIFAR100_CLASSES, CIFAR100_COARSE_CLASSES, CIFAR10_CLASSES, readNameList } from './classNames.ts';
import { allocateImageSet, type DatasetContent, type DatasetFormat, type ReadContext } from './format.ts';

interface Batch {
  file: SourceFile;
  kind: CifarKind;
  split: 'train' | 'test';
  /** Sort key within the split (the N of data_batch_N). */
  order: number;
}

/** What a complete distributed archive holds, per kind (paths relative to the batches' folder). */
const ARCHIVE_MEMBERS: Record<CifarKind, string[]> = {
  cifar10: [1, 2, 3, 4, 5].map((n) => `data_batch_${n}.bin`).concat('test_batch.bin'),
  cifar100: ['train.bin', 'test.bin'],
};

function classify(file: SourceFile): Batch | undefined {
  if (!/\.bin$/i.test(file.name)) return undefined;
  const named = cifarKindByName(file.name);
  const kind = named ?? cifarKindBySize(file.bytes.length);
  const name = baseName(file.name).toLowerCase();
  if (kind === undefined) {
    throw new DatasetError(
      file.label,
      `not a CIFAR batch: ${file.bytes.length} bytes is a multiple of neither the 3,073-byte CIFAR-10 record ` +
        'nor the 3,074-byte CIFAR-100 record',
    );
  }
  const batchNumber = /^data_batch_(\d+)\.bin$/.exec(name);
  const split = named ? (name.startsWith('test') ? 'test' : 'train') : /test/.test(name) ? 'test' : 'train';
  return { file, kind, split, order: batchNumber ? Number(batchNumber[1]) : 0 };
}

function checkArchiveComplete(batches: Batch[], kind: CifarKind): void {
  const byArchive = new Map<string, Set<string>>();
  for (const b of batches) {
    if (b.file.archive === undefined) continue;
    const key = `${b.file.archive}\u0000${dirName(b.file.name)}`;
    if (!byArchive.has(key)) byArchive.set(key, new Set());
    byArchive.get(key)!.add(baseName(b.file.name).toLowerCase());
  }
  for (const [key, present] of byArchive) {
    const [archive, dir] = key.split('\u0000') as [string, string];
    const missing = ARCHIVE_MEMBERS[kind].filter((m) => !present.has(m));
    if (missing.length > 0) {
      throw new DatasetError(
        archive,
        `missing member ${missing.map((m) => dir + m).join(', ')}: a ${CIFAR_LAYOUT[kind].title} archive ` +
          `holds ${ARCHIVE_MEMBERS[kind].join(', ')}`,
      );
    }
  }
}

function assemble(batches: Batch[], kind: CifarKind, context: ReadContext, label: string): ImageSet {
  const records = batches.map((b) => checkCifarBatch(b.file, kind));
  const total = records.reduce((a, b) => a + b, 0);
  const set = allocateImageSet(label, total, CIFAR_SHAPE, context.maxBytes, kind === 'cifar100');
  let start = 0;
  for (const b of batches) start += decodeCifarBatch(b.file, kind, set, start);
  return set;
}

function findNames(files: readonly SourceFile[], fileName: string, expected: number, fallback: readonly string[]) {
  const file = files.find((f) => baseName(f.name).toLowerCase() === fileName);
  return file ? readNameList(file, expected) : [...fallback];
}

async function readCifar(files: readonly SourceFile[], context: ReadContext): Promise<DatasetContent> {
  const batches = files.map(classify).filter((b): b is Batch => b !== undefined);
  const kinds = new Set(batches.map((b) => b.kind));
  if (kinds.size > 1) {
    const ten = batches.find((b) => b.kind === 'cifar10')!;
    const hundred = batches.find((b) => b.kind === 'cifar100')!;
    throw new DatasetError(hundred.file.label, `a CIFAR-100 batch mixed with CIFAR-10 batches (${ten.file.label})`);
  }
  const kind = batches[0]!.kind;
  const layout = CIFAR_LAYOUT[kind];
  const seen = new Map<string, SourceFile>();
  for (const b of batches) {
    const key = baseName(b.file.name).toLowerCase();
    const earlier = seen.get(key);
    if (earlier) throw new DatasetError(b.file.label, `the same batch as ${earlier.label} given twice`);
    seen.set(key, b.file);
  }
  checkArchiveComplete(batches, kind);

  const train = batches.filter((b) => b.split === 'train').sort((a, b) => a.order - b.order);
  const test = batches.filter((b) => b.split === 'test');
  if (train.length === 0) {
    throw new DatasetError(
      test[0]!.file.label,
      `no ${layout.title} training batch given with it (${kind === 'cifar10' ? 'data_batch_N.bin' : 'train.bin'})`,
    );
  }
  const content: DatasetContent = {
    name: layout.title,
    classes: kind === 'cifar10'
      ? findNames(files, 'batches.meta.txt', 10, CIFAR10_CLASSES)
      : findNames(files, 'fine_label_names.txt', 100, CIFAR100_CLASSES),
    train: assemble(train, kind, context, train[0]!.file.label),
    provenance: `${layout.title} binary version (Krizhevsky 2009): ${batches.map((b) => b.file.label).join(', ')}`,
  };
  if (test.length > 0) content.test = assemble(test, kind, context, test[0]!.file.label);
  if (kind === 'cifar100') content.coarseClasses = findNames(files, 'coarse_label_names.txt', 20, CIFAR100_COARSE_CLASSES);
  return content;
}

export const cifarFormat: DatasetFormat = {
  id: 'cifar-binary',
  description: 'CIFAR-10/100 binary batches (data_batch_N.bin, test_batch.bin, train.bin, test.bin) or their .tar.gz',
  detect: (files) => files.some((f) => /\.bin$/i.test(f.name)),
  read: readCifar,
};
