/**
 * Dataset import off the main thread: unpack and read the user's files (images decoded with
 * createImageBitmap + OffscreenCanvas), then store the result in IndexedDB. Two calls, so the page can
 * compare the decoded size with the free storage before anything is written: read() decodes and keeps
 * the dataset here, save() writes it in one transaction (all or nothing). Errors are DatasetErrors whose
 * message names the file and the problem; a storage error keeps its name (QuotaExceededError) across comlink.
 *
 * The views' calls (lookup, images, testSet) read a dataset the lab knows (embedded, or imported into
 * IndexedDB) through the run worker's loader, which keeps the last one read: labels and thumbnails of
 * training images the views ask for, in batches, and the class counts of a run's test set.
 */
import * as Comlink from 'comlink';
import type { Dataset } from '../src/core/data/types.ts';
import { readDataset } from '../src/core/data/registry.ts';
import { metaOf, saveDataset, type StoredDatasetMeta } from '../src/storage/datasetDb.ts';
import { decodeImage } from './decodeImage.ts';
import type { ImportFile } from '../src/protocol/workerProtocol.ts';
import type { DatasetLookup, ImageBatch, TestSetFacts } from '../src/protocol/datasetViews.ts';
import { DatasetError } from '../src/core/data/types.ts';
import { labelsOf, thumbnailsOf } from '../src/core/data/thumbnails.ts';
import { labelCounts } from '../src/core/data/classCounts.ts';
import { splitExperiment } from '../src/core/experiment/experimentSplit.ts';
import { rng } from '../src/core/rng.ts';
import { loadDataset } from './loadDataset.ts';

let read: { dataset: Dataset; files: string[] } | undefined;

const api = {
  /** Reads the files; the dataset stays here for save(). Returns what would be stored. */
  async read(files: ImportFile[], onProgress?: (stage: string, done: number, total: number) => void): Promise<StoredDatasetMeta> {
    let last = 0;
    read = undefined;
    const dataset = await readDataset(files, {
      decode: decodeImage,
      onProgress: (stage, done, total) => {
        const t = performance.now();
        if (!onProgress || (t - last < 100 && done < total)) return;
        last = t;
        onProgress(stage, done, total);
      },
    });
    read = { dataset, files: files.map((f) => f.name) };
    return metaOf(dataset, read.files);
  },

  /** Writes the dataset read last to IndexedDB. */
  async save(): Promise<StoredDatasetMeta> {
    if (!read) throw new Error('nothing to save: read the files first');
    try {
      return await saveDataset(read.dataset, read.files);
    } catch (error) {
      // A DOMException may not pass as an Error through comlink: keep its name and message.
      if (error instanceof Error) throw error;
      const e = error as { name?: string; message?: string };
      throw Object.assign(new Error(e?.message ?? String(error)), { name: e?.name ?? 'Error' });
    } finally {
      read = undefined;
    }
  },

  /** Whether this browser has dataset `id` (embedded, or imported here), with its classes and image size. */
  async lookup(id: string): Promise<DatasetLookup> {
    try {
      const d = await loadDataset(id);
      const t = d.train;
      return { available: true, facts: { id: d.id, name: d.name, classes: d.classes, imageShape: [t.height, t.width, t.channels], trainCount: t.count } };
    } catch (error) {
      if (error instanceof DatasetError) return { available: false, why: error.message };
      return { available: false, why: error instanceof Error ? error.message : String(error) };
    }
  },

  /** Labels (and with `pixels`, RGBA thumbnails) of the training images at `indices`. */
  async images(id: string, indices: number[], pixels: boolean): Promise<ImageBatch> {
    const train = (await loadDataset(id)).train;
    const labels = labelsOf(train, indices);
    const thumbnails = pixels ? thumbnailsOf(train, indices) : null;
    const batch: ImageBatch = { indices, labels, thumbnails };
    return Comlink.transfer(batch, thumbnails ? [labels.buffer, thumbnails.rgba.buffer] : [labels.buffer]);
  },

  /** The class counts of the test set a run with this seed and these caps drew from dataset `id`. */
  async testSet(id: string, seed: number, caps: { pool: number; test: number }): Promise<TestSetFacts> {
    const d = await loadDataset(id);
    const split = splitExperiment({ train: d.train.count, ...(d.test ? { test: d.test.count } : {}) }, caps, rng(seed));
    const set = split.test.split === 'test' ? d.test! : d.train;
    return { size: split.test.indices.length, classCounts: labelCounts(labelsOf(set, split.test.indices), d.classes.length) };
  },
};

export type DatasetWorkerApi = typeof api;

Comlink.expose(api);
