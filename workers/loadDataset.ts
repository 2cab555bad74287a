/**
 * The run worker's dataset source: an embedded dataset (fetched from public/data) or one the user
 * imported (IndexedDB). The last one loaded is kept, so a rerun does not read it again.
 */
import { findEmbedded, loadEmbeddedDataset, readManifest, type FetchBytes } from '../src/core/data/embedded.ts';
import { DatasetError, type Dataset } from '../src/core/data/types.ts';
import { loadStoredDataset } from '../src/storage/datasetDb.ts';

const fetchBytes: FetchBytes = async (path) => {
  const url = new URL(`${import.meta.env.BASE_URL}data/${path}`, self.location.origin);
  const response = await fetch(url);
  if (!response.ok) throw new Error(`HTTP ${response.status} for ${url.pathname}`);
  return new Uint8Array(await response.arrayBuffer());
};

let cached: { key: string; dataset: Dataset } | undefined;

export async function loadDataset(id: string): Promise<Dataset> {
  if (cached && (cached.key === id || cached.dataset.id === id)) return cached.dataset;
  cached = undefined;
  const manifest = await readManifest(fetchBytes);
  const entry = findEmbedded(manifest, id);
  const dataset = entry ? await loadEmbeddedDataset(entry.id, fetchBytes) : await loadStoredDataset(id);
  if (!dataset) {
    throw new DatasetError(id, 'not in this browser: import its files with "Import dataset" first (a dataset imported from the same files gets the same id)');
  }
  cached = { key: id, dataset };
  return dataset;
}
