/**
 * Dataset import off the main thread: unpack and read the user's files (images decoded with
 * createImageBitmap + OffscreenCanvas), then store the result in IndexedDB. Errors are DatasetErrors
 * whose message names the file and the problem; comlink hands the message to the page.
 */
import * as Comlink from 'comlink';
import { readDataset } from '../src/core/data/registry.ts';
import { saveDataset, type StoredDatasetMeta } from '../src/storage/datasetDb.ts';
import { decodeImage } from './decodeImage.ts';
import type { ImportFile } from '../src/protocol/workerProtocol.ts';

const api = {
  async importDataset(files: ImportFile[], onProgress?: (stage: string, done: number, total: number) => void): Promise<StoredDatasetMeta> {
    let last = 0;
    const dataset = await readDataset(files, {
      decode: decodeImage,
      onProgress: (stage, done, total) => {
        const t = performance.now();
        if (!onProgress || (t - last < 100 && done < total)) return;
        last = t;
        onProgress(stage, done, total);
      },
    });
    return saveDataset(dataset, files.map((f) => f.name));
  },
};

export type DatasetWorkerApi = typeof api;

Comlink.expose(api);
