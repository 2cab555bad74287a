/**
 * Imported datasets in IndexedDB, so a reload keeps them. Two stores: `meta` (small records for the
 * dataset list) and `content` (the decoded uint8 images and labels, read only by the run worker).
 * Written against the APIs windows and workers share: the dataset worker writes, the page lists and
 * deletes, the lab worker reads.
 */
import type { Dataset, ImageSet } from '../core/data/types.ts';

const DB_NAME = 'prunefuse-lab';
const DB_VERSION = 1;
const META = 'meta';
const CONTENT = 'content';

export interface StoredDatasetMeta {
  id: string;
  name: string;
  classes: string[];
  counts: { train: number; test: number };
  /** [height, width, channels]. */
  imageShape: [number, number, number];
  /** Bytes of decoded pixels and labels. */
  bytes: number;
  importedAt: string;
  files: string[];
  provenance?: string;
  warnings?: string[];
}

interface StoredContent {
  id: string;
  train: ImageSet;
  test?: ImageSet;
  coarseClasses?: string[];
}

function request<T>(r: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error ?? new Error('IndexedDB request failed'));
  });
}

function done(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onabort = tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
  });
}

let opening: Promise<IDBDatabase> | undefined;

function open(): Promise<IDBDatabase> {
  opening ??= new Promise<IDBDatabase>((resolve, reject) => {
    const r = indexedDB.open(DB_NAME, DB_VERSION);
    r.onupgradeneeded = () => {
      const db = r.result;
      if (!db.objectStoreNames.contains(META)) db.createObjectStore(META, { keyPath: 'id' });
      if (!db.objectStoreNames.contains(CONTENT)) db.createObjectStore(CONTENT, { keyPath: 'id' });
    };
    r.onsuccess = () => {
      const db = r.result;
      db.onversionchange = () => {
        db.close();
        opening = undefined;
      };
      resolve(db);
    };
    r.onerror = () => {
      opening = undefined;
      reject(r.error ?? new Error('IndexedDB is not available'));
    };
  });
  return opening;
}

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
  const db = await open();
  const meta = metaOf(dataset, files);
  const content: StoredContent = { id: dataset.id, train: dataset.train };
  if (dataset.test) content.test = dataset.test;
  if (dataset.coarseClasses) content.coarseClasses = dataset.coarseClasses;
  const tx = db.transaction([META, CONTENT], 'readwrite');
  tx.objectStore(CONTENT).put(content);
  tx.objectStore(META).put(meta);
  await done(tx);
  return meta;
}

export async function listDatasets(): Promise<StoredDatasetMeta[]> {
  const db = await open();
  const all = await request(db.transaction(META, 'readonly').objectStore(META).getAll() as IDBRequest<StoredDatasetMeta[]>);
  return all.sort((a, b) => a.importedAt.localeCompare(b.importedAt));
}

export async function loadStoredDataset(id: string): Promise<Dataset | undefined> {
  const db = await open();
  const tx = db.transaction([META, CONTENT], 'readonly');
  const [meta, content] = await Promise.all([
    request(tx.objectStore(META).get(id) as IDBRequest<StoredDatasetMeta | undefined>),
    request(tx.objectStore(CONTENT).get(id) as IDBRequest<StoredContent | undefined>),
  ]);
  if (!meta || !content) return undefined;
  const dataset: Dataset = { id, name: meta.name, classes: meta.classes, train: content.train };
  if (content.test) dataset.test = content.test;
  if (content.coarseClasses) dataset.coarseClasses = content.coarseClasses;
  if (meta.provenance) dataset.provenance = meta.provenance;
  return dataset;
}

export async function deleteDataset(id: string): Promise<void> {
  const db = await open();
  const tx = db.transaction([META, CONTENT], 'readwrite');
  tx.objectStore(META).delete(id);
  tx.objectStore(CONTENT).delete(id);
  await done(tx);
}
