/**
 * The run worker's dataset source: one the user imported (IndexedDB, so it works offline) or an
 * embedded one (fetched from public/data, which the service worker keeps for offline use). The last one
 * loaded is kept, so a rerun does not read it again (unless it is large: see forgetLargeDataset); an
 * imported one is looked up again each time, so a dataset deleted in another tab is not run from the kept copy.
 */
import { findEmbedded, loadEmbeddedDataset, readManifest, type FetchBytes } from '../src/core/data/embedded.ts';
import { DatasetError, type Dataset } from '../src/core/data/types.ts';
import { loadStoredDataset, storedDatasetExists } from '../src/storage/datasetDb.ts';

const fetchBytes: FetchBytes = async (path) => {
  const url = new URL(`${import.meta.env.BASE_URL}data/${path}`, self.location.origin);
  let response: Response;
  try {
    response = await fetch(url);
  } catch (error) {
    throw new Error(`could not load ${url.pathname} (${error instanceof Error ? error.message : error}): offline, and not kept for offline use?`);
  }
  if (!response.ok) throw new Error(`could not load ${url.pathname}: HTTP ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
};

let cached: { key: string; dataset: Dataset; imported: boolean } | undefined;

const missing = (id: string) =>
  new DatasetError(id, 'not in this browser: import its files with "Import dataset" first (a dataset imported from the same files gets the same id)');

export async function loadDataset(id: string): Promise<Dataset> {
  if (cached && (cached.key === id || cached.dataset.id === id)) {
    if (!cached.imported || (await storedDatasetExists(cached.dataset.id))) return cached.dataset;
    cached = undefined;
    throw missing(id);
  }
  cached = undefined;
  const stored = await loadStoredDataset(id).catch(() => undefined);
  if (stored) {
    cached = { key: id, dataset: stored, imported: true };
    return stored;
  }
  const entry = findEmbedded(await readManifest(fetchBytes), id);
  if (!entry) throw missing(id);
  const dataset = await loadEmbeddedDataset(entry.id, fetchBytes);
  cached = { key: id, dataset, imported: false };
  return dataset;
}

/** Datasets larger than this are not kept between runs: during a run the engine's pool and test copies are the only pixels. */
export const KEEP_BYTES = 64 * 2 ** 20;

const pixelBytes = (d: Dataset) => d.train.images.byteLength + (d.test?.images.byteLength ?? 0);

/** Drops the kept dataset if it is large, so that the engine's copies are the worker's only copy of the pixels. */
export function forgetLargeDataset(): void {
  if (cached && pixelBytes(cached.dataset) > KEEP_BYTES) cached = undefined;
}
