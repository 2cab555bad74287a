/**
 * Imported datasets in IndexedDB, so a reload keeps them: `meta` (the dataset list) and `content` (pixels
 * and labels). The dataset worker writes, the page lists and deletes, the lab worker reads.
 */
import type { Dataset, ImageSet } from '../core/data/types.ts';
import { labDb, type StoredDatasetContent, type StoredDatasetMeta } from './db.ts';

export type { StoredDatasetMeta } from './db.ts';

const setBytes = (s: ImageSet | undefined) => (s ? s.images.byteLength + s.labels.byteLength : 0);

export function metaOf(dataset: Dataset, files: string[]): StoredDatasetMeta {
  const t = dataset.train;
  return {
    id: dataset.id,
    name: dataset.name,
    classes: dataset.classes,
    counts: { train: t.count, test: dataset.test?.count ?? 0 },
    imageShape: [t.height, t.width, t.channels],
    bytes: setBytes(t) + setBytes(dataset.test),
    importedAt: new Date().toISOString(),
    files,
    ...(dataset.provenance ? { provenance: dataset.provenance } : {}),
    ...(dataset.warnings ? { warnings: dataset.warnings } : {}),
  };
}

export async function saveDataset(dataset: Dataset, files: string[]): Promise<StoredDatasetMeta> {
  const db = await labDb();
  const meta = metaOf(dataset, files);
  const content: StoredDatasetContent = { id: dataset.id, train: dataset.train };
  if (dataset.test) content.test = dataset.test;
  if (dataset.coarseClasses) content.coarseClasses = dataset.coarseClasses;
  const tx = db.transaction(['meta', 'content'], 'readwrite');
  try {
    // One transaction: the list entry and the pixels are written together or not at all.
    await Promise.all([tx.objectStore('content').put(content), tx.objectStore('meta').put(meta), tx.done]);
  } catch (error) {
    // A request aborted by the transaction fails with AbortError; the transaction's error says why (QuotaExceededError).
    throw tx.error ?? error;
  }
  return meta;
}

export async function listDatasets(): Promise<StoredDatasetMeta[]> {
  const all = await (await labDb()).getAll('meta');
  return all.sort((a, b) => a.importedAt.localeCompare(b.importedAt));
}

export async function loadStoredDataset(id: string): Promise<Dataset | undefined> {
  const tx = (await labDb()).transaction(['meta', 'content'], 'readonly');
  const [meta, content] = await Promise.all([tx.objectStore('meta').get(id), tx.objectStore('content').get(id), tx.done]);
  if (!meta || !content) return undefined;
  const dataset: Dataset = { id, name: meta.name, classes: meta.classes, train: content.train };
  if (content.test) dataset.test = content.test;
  if (content.coarseClasses) dataset.coarseClasses = content.coarseClasses;
  if (meta.provenance) dataset.provenance = meta.provenance;
  return dataset;
}

export async function deleteDataset(id: string): Promise<void> {
  const tx = (await labDb()).transaction(['meta', 'content'], 'readwrite');
  await Promise.all([tx.objectStore('meta').delete(id), tx.objectStore('content').delete(id), tx.done]);
}

export async function storedDatasetExists(id: string): Promise<boolean> {
  return (await (await labDb()).getKey('meta', id)) !== undefined;
}
