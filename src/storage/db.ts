/**
 * The lab's IndexedDB database, opened through `idb` (typed stores, promises, version upgrades). One
 * schema for every store; the page and the workers open it alike (IndexedDB is shared by the windows and
 * workers of an origin). A version change from another tab closes this connection so the upgrade can go on.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { ImageSet } from '../core/data/types.ts';

export const DB_NAME = 'prunefuse-lab';
const DB_VERSION = 1;

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

export interface StoredDatasetContent {
  id: string;
  train: ImageSet;
  test?: ImageSet;
  coarseClasses?: string[];
}

export interface LabDb extends DBSchema {
  /** Small records for the dataset list. */
  meta: { key: string; value: StoredDatasetMeta };
  /** The decoded uint8 images and labels, read only by the run worker. */
  content: { key: string; value: StoredDatasetContent };
}

let opening: Promise<IDBPDatabase<LabDb>> | undefined;

export function labDb(): Promise<IDBPDatabase<LabDb>> {
  opening ??= openDB<LabDb>(DB_NAME, DB_VERSION, {
    upgrade(db) {
      if (!db.objectStoreNames.contains('meta')) db.createObjectStore('meta', { keyPath: 'id' });
      if (!db.objectStoreNames.contains('content')) db.createObjectStore('content', { keyPath: 'id' });
    },
    blocking() {
      void opening?.then((db) => db.close());
      opening = undefined;
    },
  }).catch((error: unknown) => {
    opening = undefined;
    throw error instanceof Error ? error : new Error('IndexedDB is not available');
  });
  return opening;
}
