/**
 * The datasets that ship with the lab, in public/data/: manifest.json lists them, and each is read with
 * readDataset from its files. The caller supplies the byte source: the browser passes a fetch() of
 * `${base}data/${path}`, Node a readFile of public/data/${path}. The content id in the manifest is
 * checked, so a stale or damaged download is an error, not a silently different dataset.
 */

import { readDataset } from './registry.ts';
import { utf8 } from './text.ts';
import { DatasetError, type Dataset, type ReadOptions } from './types.ts';

export interface EmbeddedFile {
  /** Relative to public/data/. */
  path: string;
  bytes: number;
  split: 'train' | 'test' | 'meta';
}

export interface EmbeddedDataset {
  /** Short stable id used in configs and URLs, e.g. 'cifar10-subset'. */
  id: string;
  name: string;
  /** The id readDataset gives the content: `${id}-${hash}`. */
  datasetId: string;
  /** The DatasetFormat id that reads it. */
  format: string;
  files: EmbeddedFile[];
  counts: { train: number; test: number };
  classCounts: { train: number[]; test: number[] };
  /** [height, width, channels]. */
  imageShape: [number, number, number];
  classes: string[];
  provenance: string;
}

export interface EmbeddedManifest {
  version: 1;
  datasets: EmbeddedDataset[];
}

export type FetchBytes = (path: string) => Promise<Uint8Array>;

export const MANIFEST_PATH = 'manifest.json';

function problem(label: string, text: string): never {
  throw new DatasetError(label, `invalid manifest: ${text}`);
}

/** Parse and check manifest.json. */
export function parseManifest(bytes: Uint8Array, label = MANIFEST_PATH): EmbeddedManifest {
  let data: unknown;
  try {
    data = JSON.parse(utf8(bytes));
  } catch (error) {
    problem(label, `not JSON (${error instanceof Error ? error.message : error})`);
  }
  const manifest = data as Partial<EmbeddedManifest> | null;
  if (!manifest || manifest.version !== 1 || !Array.isArray(manifest.datasets)) {
    problem(label, 'expected {"version": 1, "datasets": [...]}');
  }
  for (const [i, d] of manifest.datasets.entries()) {
    const ok =
      typeof d?.id === 'string' &&
      typeof d.datasetId === 'string' &&
      typeof d.name === 'string' &&
      Array.isArray(d.files) &&
      d.files.every((f) => typeof f?.path === 'string' && !f.path.includes('..')) &&
      Array.isArray(d.classes) &&
      typeof d.counts?.train === 'number';
    if (!ok) problem(label, `dataset ${i} lacks id, datasetId, name, files, classes or counts`);
  }
  return manifest as EmbeddedManifest;
}

async function fetchChecked(fetchBytes: FetchBytes, path: string): Promise<Uint8Array> {
  try {
    return await fetchBytes(path);
  } catch (error) {
    throw new DatasetError(path, `could not be fetched: ${error instanceof Error ? error.message : error}`);
  }
}

export async function readManifest(fetchBytes: FetchBytes): Promise<EmbeddedManifest> {
  return parseManifest(await fetchChecked(fetchBytes, MANIFEST_PATH));
}

/** The entry whose short id or full datasetId is `id`. */
export function findEmbedded(manifest: EmbeddedManifest, id: string): EmbeddedDataset | undefined {
  return manifest.datasets.find((d) => d.id === id || d.datasetId === id);
}

/** Load an embedded dataset by its short id ('cifar10-subset') or its full content id. */
export async function loadEmbeddedDataset(
  id: string,
  fetchBytes: FetchBytes,
  options: ReadOptions = {},
): Promise<Dataset> {
  const manifest = await readManifest(fetchBytes);
  const entry = findEmbedded(manifest, id);
  if (!entry) {
    const known = manifest.datasets.map((d) => d.id).join(', ');
    throw new DatasetError(id, `no embedded dataset with this id (embedded: ${known})`);
  }
  const files = await Promise.all(
    entry.files.map(async (f) => ({ name: f.path, bytes: await fetchChecked(fetchBytes, f.path) })),
  );
  const dataset = await readDataset(files, {
    name: entry.name,
    idPrefix: entry.id,
    provenance: entry.provenance,
    ...options,
  });
  if (dataset.id !== entry.datasetId) {
    throw new DatasetError(
      entry.id,
      `content id ${dataset.id} differs from the manifest's ${entry.datasetId}: the files are stale or damaged`,
    );
  }
  return dataset;
}
