/**
 * Dataset import off the main thread: unpack and read the user's files (images decoded with
 * createImageBitmap + OffscreenCanvas), then store the result in IndexedDB. Two calls, so the page can
 * compare the decoded size with the free storage before anything is written: read() decodes and keeps
 * the dataset here, save() writes it in one transaction (all or nothing). Errors are DatasetErrors whose
 * message names the file and the problem; a storage error keeps its name (QuotaExceededError) across comlink.
 */
import * as Comlink from 'comlink';
import type { Dataset } from '../src/core/data/types.ts';
import { readDataset } from '../src/core/data/registry.ts';
import { metaOf, saveDataset, type StoredDatasetMeta } from '../src/storage/datasetDb.ts';
import { decodeImage } from './decodeImage.ts';
import type { ImportFile } from '../src/protocol/workerProtocol.ts';

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
};

export type DatasetWorkerApi = typeof api;

Comlink.expose(api);
