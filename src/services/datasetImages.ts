/**
 * The dataset images the views show (labels, thumbnails, a run's test set), read by a dataset worker of
 * their own ('dataset-views'): started at the first request, ended after a minute without one, so its copy
 * of the pixels does not outlive the views. Answers are cached per dataset here, so a live run's views
 * (which ask again at every round) fetch only what is new; thumbnails arrive as one transferred RGBA
 * buffer per batch and become ImageData, ready to paint.
 */
import * as Comlink from 'comlink';
import type { DatasetWorkerApi } from '../../workers/dataset.worker.ts';
import type { DatasetLookup, TestSetFacts } from '../protocol/datasetViews.ts';

export type { DatasetFacts, DatasetLookup, TestSetFacts } from '../protocol/datasetViews.ts';

/** A training image, ready to paint, with its label. */
export interface LabelledImage {
  image: ImageData;
  label: number;
}

const IDLE_MS = 60_000;
/** Thumbnails kept per dataset before the oldest are dropped. */
const MAX_THUMBNAILS = 4000;

let worker: { handle: Worker; remote: Comlink.Remote<DatasetWorkerApi> } | undefined;
let busy = 0;
let idle: ReturnType<typeof setTimeout> | undefined;

function stop(): void {
  worker?.remote[Comlink.releaseProxy]();
  worker?.handle.terminate();
  worker = undefined;
}

async function call<T>(work: (remote: Comlink.Remote<DatasetWorkerApi>) => Promise<T>): Promise<T> {
  clearTimeout(idle);
  busy++;
  if (!worker) {
    const handle = new Worker(new URL('../../workers/dataset.worker.ts', import.meta.url), { type: 'module', name: 'dataset-views' });
    worker = { handle, remote: Comlink.wrap<DatasetWorkerApi>(handle) };
  }
  try {
    return await work(worker.remote);
  } finally {
    busy--;
    if (busy === 0) idle = setTimeout(stop, IDLE_MS);
  }
}

const lookups = new Map<string, Promise<DatasetLookup>>();
const labels = new Map<string, Map<number, number>>();
const thumbnails = new Map<string, Map<number, LabelledImage>>();
const testSets = new Map<string, Promise<TestSetFacts>>();

const cacheOf = <V>(caches: Map<string, Map<number, V>>, id: string): Map<number, V> => {
  let cache = caches.get(id);
  if (!cache) caches.set(id, (cache = new Map()));
  return cache;
};

/** Whether this browser has dataset `id`; an answer that it has not is asked again next time (it may be imported since). */
export function lookupDataset(id: string): Promise<DatasetLookup> {
  let found = lookups.get(id);
  if (!found) {
    found = call((r): Promise<DatasetLookup> => r.lookup(id));
    lookups.set(id, found);
    void found.then(
      (l) => void (l.available || lookups.delete(id)),
      () => void lookups.delete(id),
    );
  }
  return found;
}

/** The labels of training images `indices` of dataset `id`, by index (one worker call for those not cached). */
export async function imageLabels(id: string, indices: readonly number[]): Promise<Map<number, number>> {
  const cache = cacheOf(labels, id);
  const missing = [...new Set(indices.filter((i) => !cache.has(i)))];
  if (missing.length > 0) {
    const batch = await call((r) => r.images(id, missing, false));
    batch.indices.forEach((i, k) => cache.set(i, batch.labels[k]!));
  }
  return new Map(indices.map((i) => [i, cache.get(i)!]));
}

/** Thumbnails and labels of training images `indices` of dataset `id`, by index. */
export async function imageThumbnails(id: string, indices: readonly number[]): Promise<Map<number, LabelledImage>> {
  const cache = cacheOf(thumbnails, id);
  const found = new Map<number, LabelledImage>();
  for (const i of indices) {
    const image = cache.get(i);
    if (image) found.set(i, image);
  }
  const missing = [...new Set(indices.filter((i) => !found.has(i)))];
  if (missing.length === 0) return found;
  const batch = await call((r) => r.images(id, missing, true));
  const t = batch.thumbnails!;
  const size = t.width * t.height * 4;
  const known = cacheOf(labels, id);
  if (cache.size + missing.length > MAX_THUMBNAILS) cache.clear();
  batch.indices.forEach((i, k) => {
    const entry = { image: new ImageData(t.rgba.slice(k * size, (k + 1) * size), t.width, t.height), label: batch.labels[k]! };
    cache.set(i, entry);
    found.set(i, entry);
    known.set(i, entry.label);
  });
  return found;
}

/** The class counts of the test set a run drew (its seed and pool/test caps) from dataset `id`. */
export function testSetFacts(id: string, seed: number, caps: { pool: number; test: number }): Promise<TestSetFacts> {
  const key = `${id}|${seed}|${caps.pool}|${caps.test}`;
  let facts = testSets.get(key);
  if (!facts) {
    facts = call((r) => r.testSet(id, seed, caps));
    testSets.set(key, facts);
    void facts.catch(() => testSets.delete(key));
  }
  return facts;
}
