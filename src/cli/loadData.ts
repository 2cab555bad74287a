/**
 * Node side of the dataset layer: turn a command-line dataset spec into a Dataset.
 *
 *   path/to/data_batch_1.bin[.gz]       a CIFAR-10 batch; test_batch.bin[.gz] and batches.meta.txt beside it
 *                                       are picked up too (CIFAR-100: train.bin with test.bin and name files)
 *   path/to/cifar-10-binary.tar.gz      a distributed archive (also cifar-100-binary.tar.gz)
 *   images-idx3-ubyte.gz,labels-idx1-ubyte.gz   an IDX pair
 *   path/to/folder                      a folder with train-/t10k- IDX files or CIFAR batches
 *   cifar10-subset                      the id of an embedded dataset (public/data/manifest.json)
 */

import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadEmbeddedDataset, readManifest } from '../core/data/embedded.ts';
import { checkSize } from '../core/data/expand.ts';
import { readDataset } from '../core/data/registry.ts';
import { DatasetError, DEFAULT_MAX_BYTES, type Dataset, type DatasetFile, type ReadOptions } from '../core/data/types.ts';

/** public/data/ of this checkout. */
export const PUBLIC_DATA_DIR = fileURLToPath(new URL('../../public/data/', import.meta.url));

export interface LoadOptions extends ReadOptions {
  /** Where embedded datasets live (default: public/data/ of this checkout). */
  dataDir?: string;
}

const IDX_NAME = /^(train|t10k)-(images|labels)-idx[13]-ubyte(\.gz)?$/i;
const CIFAR_BATCH = /^(data_batch_\d+\.bin|test_batch\.bin|train\.bin|test\.bin)(\.gz)?$/i;
const CIFAR_NAMES = /^(batches\.meta|fine_label_names|coarse_label_names)\.txt$/i;

async function exists(path: string): Promise<'file' | 'dir' | undefined> {
  try {
    const info = await stat(path);
    return info.isDirectory() ? 'dir' : info.isFile() ? 'file' : undefined;
  } catch {
    return undefined;
  }
}

async function readOne(path: string, maxBytes: number): Promise<DatasetFile> {
  try {
    const info = await stat(path);
    checkSize(path, info.size, maxBytes);
    return { name: path, bytes: new Uint8Array(await readFile(path)) };
  } catch (error) {
    if (error instanceof DatasetError) throw error;
    throw new DatasetError(path, `cannot read: ${error instanceof Error ? error.message : error}`);
  }
}

/** The first of `names` that exists in `dir`. */
async function firstExisting(dir: string, names: string[]): Promise<string | undefined> {
  for (const name of names) if ((await exists(join(dir, name))) === 'file') return join(dir, name);
  return undefined;
}

/** A CIFAR batch and the files that belong with it in the same folder. */
async function companions(path: string): Promise<string[]> {
  const dir = dirname(path);
  const name = basename(path).toLowerCase().replace(/\.gz$/, '');
  const extra: Array<string | undefined> = [];
  if (/^data_batch_\d+\.bin$/.test(name)) {
    extra.push(await firstExisting(dir, ['test_batch.bin', 'test_batch.bin.gz']));
    extra.push(await firstExisting(dir, ['batches.meta.txt']));
  } else if (name === 'train.bin') {
    extra.push(await firstExisting(dir, ['test.bin', 'test.bin.gz']));
    extra.push(await firstExisting(dir, ['fine_label_names.txt']));
    extra.push(await firstExisting(dir, ['coarse_label_names.txt']));
  }
  return extra.filter((p): p is string => p !== undefined);
}

async function folderFiles(dir: string): Promise<string[]> {
  const names = (await readdir(dir)).sort();
  const idx = names.filter((n) => IDX_NAME.test(n));
  const cifar = names.filter((n) => CIFAR_BATCH.test(n) || CIFAR_NAMES.test(n));
  // Prefer the raw file when both x and x.gz are there.
  const pick = (list: string[]) => list.filter((n) => !(n.endsWith('.gz') && list.includes(n.slice(0, -3))));
  const chosen = idx.length > 0 ? pick(idx) : pick(cifar);
  if (chosen.length === 0) {
    throw new DatasetError(
      dir,
      'no dataset files here: expected train-/t10k- IDX files or CIFAR batches (data_batch_N.bin, test_batch.bin, ' +
        'train.bin, test.bin); image folders need an image decoder, which the Node CLI does not have',
    );
  }
  return chosen.map((n) => join(dir, n));
}

async function embeddedIds(dataDir: string): Promise<string[]> {
  try {
    const manifest = await readManifest((p) => readFile(join(dataDir, p)).then((b) => new Uint8Array(b)));
    return manifest.datasets.map((d) => d.id);
  } catch {
    return [];
  }
}

/** Load a dataset from a path, an IDX pair 'images,labels', a folder, or an embedded id. Throws DatasetError. */
export async function loadDataset(spec: string, options: LoadOptions = {}): Promise<Dataset> {
  try {
    return await load(spec, options);
  } catch (error) {
    if (error instanceof DatasetError) throw error;
    throw new DatasetError(spec, `cannot load: ${error instanceof Error ? error.message : error}`);
  }
}

async function load(spec: string, options: LoadOptions): Promise<Dataset> {
  const { dataDir = PUBLIC_DATA_DIR, ...readOptions } = options;
  const maxBytes = readOptions.maxBytes ?? DEFAULT_MAX_BYTES;
  const trimmed = spec.trim();
  if (trimmed === '') throw new DatasetError('(dataset)', 'empty dataset spec');

  let paths: string[];
  if (trimmed.includes(',')) {
    paths = trimmed.split(',').map((p) => p.trim()).filter((p) => p !== '');
    for (const p of paths) if ((await exists(p)) !== 'file') throw new DatasetError(p, 'no such file');
  } else {
    const kind = await exists(trimmed);
    if (kind === 'dir') paths = await folderFiles(trimmed);
    else if (kind === 'file') paths = [trimmed, ...(await companions(trimmed))];
    else {
      const ids = await embeddedIds(dataDir);
      if (ids.includes(trimmed) || ids.some((id) => trimmed.startsWith(`${id}-`))) {
        const fetchBytes = (p: string) => readFile(join(dataDir, p)).then((b) => new Uint8Array(b));
        return loadEmbeddedDataset(trimmed, fetchBytes, readOptions);
      }
      const known = ids.length > 0 ? ids.join(', ') : `none found in ${dataDir}`;
      throw new DatasetError(
        trimmed,
        `no such file or folder, and not an embedded dataset id (embedded: ${known}). ` +
          "Give a CIFAR .bin/.bin.gz/.tar.gz, an IDX pair 'images.gz,labels.gz', a folder of IDX files, or an embedded id",
      );
    }
  }
  const files = await Promise.all(paths.map((p) => readOne(p, maxBytes)));
  return readDataset(files, readOptions);
}
