/**
 * The dataset list (embedded ones from public/data/manifest.json, imported ones from IndexedDB), import
 * through a short-lived dataset worker, and delete. A failed import leaves the selection as it was.
 */
import * as Comlink from 'comlink';
import { DEFAULT_DATASET } from '../core/config/runConfig.ts';
import { parseManifest, type EmbeddedManifest } from '../core/data/embedded.ts';
import type { DatasetWorkerApi } from '../../workers/dataset.worker.ts';
import type { ImportFile } from '../protocol/workerProtocol.ts';
import { labActions, useLab } from '../store/labStore.ts';
import type { DatasetEntry } from '../store/types.ts';
import { deleteDataset, listDatasets, type StoredDatasetMeta } from '../storage/datasetDb.ts';

let manifest: Promise<EmbeddedManifest> | undefined;

function embeddedManifest(): Promise<EmbeddedManifest> {
  manifest ??= fetch(`${import.meta.env.BASE_URL}data/manifest.json`)
    .then(async (r) => {
      if (!r.ok) throw new Error(`manifest.json: HTTP ${r.status}`);
      return parseManifest(new Uint8Array(await r.arrayBuffer()));
    })
    .catch((error: unknown) => {
      manifest = undefined;
      throw error;
    });
  return manifest;
}

const pixelBytes = (counts: { train: number; test: number }, shape: [number, number, number]) =>
  (counts.train + counts.test) * shape[0] * shape[1] * shape[2];

export function importedEntry(m: StoredDatasetMeta): DatasetEntry {
  return { id: m.id, datasetId: m.id, name: m.name, source: 'imported', classes: m.classes.length, counts: m.counts, imageShape: m.imageShape, bytes: m.bytes };
}

export async function refreshDatasets(): Promise<void> {
  const list: DatasetEntry[] = [];
  const problems: string[] = [];
  try {
    for (const d of (await embeddedManifest()).datasets) {
      list.push({ id: d.id, datasetId: d.datasetId, name: d.name, source: 'embedded', classes: d.classes.length, counts: d.counts, imageShape: d.imageShape, bytes: pixelBytes(d.counts, d.imageShape) });
    }
  } catch (error) {
    problems.push(`embedded datasets unavailable: ${error instanceof Error ? error.message : error}`);
  }
  try {
    list.push(...(await listDatasets()).map(importedEntry));
  } catch (error) {
    problems.push(`imported datasets unavailable (IndexedDB): ${error instanceof Error ? error.message : error}`);
  }
  labActions().setDatasets(list);
  if (problems.length > 0) labActions().importFailed(problems.join('; '));
}

export async function importDatasetFiles(files: readonly File[]): Promise<void> {
  if (files.length === 0 || useLab.getState().datasets.importing) return;
  const names = files.map((f) => f.name).join(', ');
  labActions().importStarted(names);
  const worker = new Worker(new URL('../../workers/dataset.worker.ts', import.meta.url), { type: 'module', name: 'dataset-import' });
  const remote = Comlink.wrap<DatasetWorkerApi>(worker);
  try {
    const inputs: ImportFile[] = await Promise.all(files.map(async (f) => ({ name: f.webkitRelativePath || f.name, bytes: new Uint8Array(await f.arrayBuffer()) })));
    const progress = Comlink.proxy((stage: string, done: number, total: number) => labActions().importProgress(`${stage} ${done.toLocaleString('en-US')} / ${total.toLocaleString('en-US')}`));
    const meta = await remote.importDataset(Comlink.transfer(inputs, inputs.map((f) => f.bytes.buffer as ArrayBuffer)), progress);
    const warnings = meta.warnings?.length ? ` (${meta.warnings.length} warnings: ${meta.warnings.slice(0, 3).join('; ')})` : '';
    labActions().importDone(importedEntry(meta), `imported ${meta.name} as ${meta.id}${warnings}`);
  } catch (error) {
    labActions().importFailed(error instanceof Error ? error.message : String(error));
  } finally {
    worker.terminate();
  }
}

export async function removeDataset(id: string): Promise<void> {
  try {
    await deleteDataset(id);
  } catch (error) {
    labActions().importFailed(`could not delete ${id}: ${error instanceof Error ? error.message : error}`);
    return;
  }
  if (useLab.getState().config.dataset === id) labActions().setValue('dataset', DEFAULT_DATASET);
  await refreshDatasets();
  labActions().datasetMessage(`deleted ${id}`);
}
