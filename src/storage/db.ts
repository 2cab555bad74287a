/**
 * The lab's IndexedDB database, opened through `idb` (typed stores, promises, version upgrades). One
 * schema for every store; the page and the workers open it alike (IndexedDB is shared by the windows and
 * workers of an origin). A version change from another tab closes this connection so the upgrade can go on.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { RunConfig } from '../core/config/runConfig.ts';
import type { ImageSet } from '../core/data/types.ts';
import type { RunResults } from '../core/experiment/events.ts';
import type { LabellingSession } from '../core/labelling/session.ts';
import type { ResNetSpec } from '../core/models/spec.ts';
import type { Weights } from '../core/models/weights.ts';
import type { KeptChannels } from '../core/prune/keptIndex.ts';

export const DB_NAME = 'prunefuse-lab';
const DB_VERSION = 3;

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

export type StoredRunStatus = 'running' | 'done' | 'cancelled' | 'failed';

/** A run in the history: saved when it starts and after every round, so a reload or a crash loses nothing finished. */
export interface StoredRun {
  id: string;
  name: string;
  /** Where it came from: run in this lab, imported from a results file, or opened from a shared link. */
  source: 'lab' | 'imported' | 'shared';
  createdAt: string;
  updatedAt: string;
  status: StoredRunStatus;
  error?: string;
  config: RunConfig;
  backend: string | null;
  /** The results so far (null until the first round finishes). */
  results: RunResults | null;
}

/** What the history list shows of a run, kept beside it so listing never reads the results. */
export interface RunSummary {
  id: string;
  name: string;
  source: StoredRun['source'];
  createdAt: string;
  updatedAt: string;
  status: StoredRunStatus;
  error: string | null;
  dataset: string;
  model: string;
  ratios: number[];
  backend: string | null;
  roundsDone: number;
  roundsTotal: number;
  /** Final accuracy of each method at its last finished round. */
  finals: Array<{ method: string; accuracy: number }>;
}

export interface LabDb extends DBSchema {
  /** Small records for the dataset list. */
  meta: { key: string; value: StoredDatasetMeta };
  /** The decoded uint8 images and labels, read only by the run worker. */
  content: { key: string; value: StoredDatasetContent };
  /** The run history. */
  runs: { key: string; value: StoredRun };
  /** A summary of every run, for the list. */
  runIndex: { key: string; value: RunSummary };
  /** Labelling sessions (the person's labels, queries and estimates), saved after every answer. */
  labelling: { key: string; value: LabellingSession };
  /** Each session's images at the model's input size, written once at import. */
  labellingImages: { key: string; value: StoredLabellingImages };
  /** Each session's latest trained selector and final model, by `${session}/${kind}`. */
  labellingModels: { key: string; value: StoredLabellingModel };
}

export interface StoredLabellingImages {
  id: string;
  count: number;
  size: number;
  channels: 1 | 3;
  /** count * size * size * channels bytes, HWC. */
  pixels: Uint8Array;
}

export interface StoredLabellingModel {
  /** `${session id}/selector` or `${session id}/final`. */
  id: string;
  spec: ResNetSpec;
  weights: Weights;
  /** Kept channels of a pruned selector (for fusion). */
  kept?: KeptChannels;
  savedAt: string;
}

let opening: Promise<IDBPDatabase<LabDb>> | undefined;

export function labDb(): Promise<IDBPDatabase<LabDb>> {
  opening ??= openDB<LabDb>(DB_NAME, DB_VERSION, {
    upgrade(db) {
      if (!db.objectStoreNames.contains('meta')) db.createObjectStore('meta', { keyPath: 'id' });
      if (!db.objectStoreNames.contains('content')) db.createObjectStore('content', { keyPath: 'id' });
      if (!db.objectStoreNames.contains('runs')) db.createObjectStore('runs', { keyPath: 'id' });
      if (!db.objectStoreNames.contains('runIndex')) db.createObjectStore('runIndex', { keyPath: 'id' });
      for (const store of ['labelling', 'labellingImages', 'labellingModels'] as const) {
        if (!db.objectStoreNames.contains(store)) db.createObjectStore(store, { keyPath: 'id' });
      }
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
