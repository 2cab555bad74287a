/**
 * The dataset formats, in detection order, and readDataset(): unpack the given files, find the format that
 * recognises them, read, and give the result its content id. A new format is one file in formats/ plus
 * one line in DATASET_FORMATS.
 */

import { expandFiles, type SourceFile } from './expand.ts';
import { cifarFormat } from './formats/cifar.ts';
import type { DatasetFormat, ReadContext } from './formats/format.ts';
import { idxFormat } from './formats/idx.ts';
import { imageFolderFormat } from './formats/imageFolder.ts';
import { tinyImageNetFormat } from './formats/tinyImageNet.ts';
import { contentHash, slug } from './hash.ts';
import { byteSize } from './text.ts';
import { DatasetError, DEFAULT_MAX_BYTES, type Dataset, type DatasetFile, type ReadOptions } from './types.ts';

/** First match wins: the specific layouts before the generic image folder. */
export const DATASET_FORMATS: readonly DatasetFormat[] = [cifarFormat, idxFormat, tinyImageNetFormat, imageFolderFormat];

export function detectFormat(files: readonly SourceFile[]): DatasetFormat | undefined {
  return DATASET_FORMATS.find((format) => format.detect(files));
}

function describe(files: readonly { name: string }[]): string {
  if (files.length === 1) return files[0]!.name;
  const shown = files.slice(0, 3).map((f) => f.name).join(', ');
  return `${files.length} files (${shown}${files.length > 3 ? ', ...' : ''})`;
}

/**
 * Read a dataset from files: CIFAR-10/100 batches or archives, IDX pairs, Tiny-ImageNet or an image folder
 * (names are '/'-separated paths; a name ending in '/' is an empty folder). Throws DatasetError naming the
 * file and the problem; no other error escapes.
 */
export async function readDataset(files: readonly DatasetFile[], options: ReadOptions = {}): Promise<Dataset> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  if (!(maxBytes > 0)) throw new DatasetError('options', `maxBytes must be a positive number of bytes, got ${maxBytes}`);
  if (files.length === 0) throw new DatasetError('(no files)', 'nothing to read: give at least one file');
  const where = describe(files);
  try {
    const expanded = await expandFiles(files, maxBytes, options.onProgress);
    const format = detectFormat(expanded);
    if (!format) {
      const known = DATASET_FORMATS.map((f) => f.description).join('; ');
      throw new DatasetError(where, `no known dataset format. Expected one of: ${known}`);
    }
    const warnings: string[] = [];
    const context: ReadContext = { maxBytes, options, warn: (message) => warnings.push(message) };
    const content = await format.read(expanded, context);
    const name = options.name ?? content.name;
    const dataset: Dataset = {
      id: `${slug(options.idPrefix ?? name)}-${contentHash(content)}`,
      name,
      classes: content.classes,
      train: content.train,
      provenance: options.provenance ?? content.provenance,
    };
    if (content.test) dataset.test = content.test;
    if (content.coarseClasses) dataset.coarseClasses = content.coarseClasses;
    if (warnings.length > 0) dataset.warnings = warnings;
    return dataset;
  } catch (error) {
    if (error instanceof DatasetError) throw error;
    // Allocation failures (RangeError: Array buffer allocation failed) and anything unforeseen.
    const message = error instanceof Error ? error.message : String(error);
    throw new DatasetError(where, `could not be read: ${message} (limit ${byteSize(maxBytes)})`);
  }
}
