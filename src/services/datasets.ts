/**
 * The dataset list (embedded ones from public/data/manifest.json, imported ones from IndexedDB), import
 * through a short-lived dataset worker, and delete. A failed import leaves the selection as it was. An
 * import asks for persistent storage, checks the decoded size against the free storage before writing,
 * and is noted so that the next visit can say it did not finish; imports and deletions reach other tabs.
 */
import * as Comlink from 'comlink';
import { DEFAULT_DATASET } from '../core/config/runConfig.ts';
import { parseManifest, type EmbeddedManifest } from '../core/data/embedded.ts';
import type { DatasetWorkerApi } from '../../workers/dataset.worker.ts';
import type { ImportFile } from '../protocol/workerProtocol.ts';
import { labActions, useLab } from '../store/labStore.ts';
import type { DatasetEntry } from '../store/types.ts';
import { deleteDataset, listDatasets, type StoredDatasetMeta } from '../storage/datasetDb.ts';
import { announceDatasetChange, onDatasetChange } from './datasetChannel.ts';
import { noteImport, unfinishedImports } from './importMarker.ts';
import { describeQuotaError, errorText, quotaMessage, requestPersistentStorage, storageEstimate } from './storageQuota.ts';

let manifest: Promise<EmbeddedManifest> | undefined;

function embeddedManifest(): Promise<EmbeddedManifest> {
  const url = `${import.meta.env.BASE_URL}data/manifest.json`;
  manifest ??= fetch(url)
    .catch((error: unknown) => {
      throw new Error(`could not load ${url} (${errorText(error)}): offline before the lab was kept for offline use?`);
    })
    .then(async (r) => {
      if (!r.ok) throw new Error(`could not load ${url}: HTTP ${r.status}`);
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
  const finished = importFiles(files);
  noteImport(names, finished);
  await finished;
}

async function importFiles(files: readonly File[]): Promise<void> {
  void requestPersistentStorage();
  const worker = new Worker(new URL('../../workers/dataset.worker.ts', import.meta.url), { type: 'module', name: 'dataset-import' });
  const remote = Comlink.wrap<DatasetWorkerApi>(worker);
  let needed: number | undefined;
  try {
    const inputs: ImportFile[] = await Promise.all(files.map(async (f) => ({ name: f.webkitRelativePath || f.name, bytes: new Uint8Array(await f.arrayBuffer()) })));
    const progress = Comlink.proxy((stage: string, done: number, total: number) => labActions().importProgress(`${stage} ${done.toLocaleString('en-US')} / ${total.toLocaleString('en-US')}`));
    const decoded = await remote.read(Comlink.transfer(inputs, inputs.map((f) => f.bytes.buffer as ArrayBuffer)), progress);
    needed = decoded.bytes;
    const estimate = await storageEstimate();
    if (estimate && estimate.quota > 0 && estimate.free < needed) {
      labActions().importFailed(`${decoded.name}: ${quotaMessage(estimate, needed)}`);
      return;
    }
    labActions().importProgress('saving');
    const meta = await remote.save();
    const warnings = meta.warnings?.length ? ` (${meta.warnings.length} warnings: ${meta.warnings.slice(0, 3).join('; ')})` : '';
    labActions().importDone(importedEntry(meta), `imported ${meta.name} as ${meta.id}${warnings}`);
    announceDatasetChange({ type: 'imported', id: meta.id, name: meta.name });
  } catch (error) {
    labActions().importFailed(await describeQuotaError(error, needed));
  } finally {
    worker.terminate();
  }
}

export async function removeDataset(id: string): Promise<void> {
  try {
    await deleteDataset(id);
  } catch (error) {
    labActions().importFailed(`could not delete ${id}: ${errorText(error)}`);
    return;
  }
  if (useLab.getState().config.dataset === id) labActions().setValue('dataset', DEFAULT_DATASET);
  await refreshDatasets();
  labActions().datasetMessage(`deleted ${id}`);
  announceDatasetChange({ type: 'deleted', id });
}

/**
 * Follows other tabs' imports and deletions (re-reading the list), and says once if an import of an
 * earlier visit did not finish. Returns the unsubscribe.
 */
export function startDatasetSync(): () => void {
  void unfinishedImports().then((notes) => {
    if (notes.length === 0) return;
    const what = notes.map((n) => `${n.files} (started ${new Date(n.startedAt).toLocaleString()})`).join('; ');
    labActions().importFailed(`An import did not finish (the page was reloaded or closed while it ran): ${what}. Nothing of it was kept; import the files again.`);
  });
  return onDatasetChange((change) => {
    void refreshDatasets().then(() => {
      const { config } = useLab.getState();
      const selected = change.id === config.dataset;
      labActions().datasetMessage(
        change.type === 'imported'
          ? `${change.name ?? change.id} was imported in another tab`
          : `${change.id} was deleted in another tab${selected ? ': it is missing here now' : ''}`,
      );
    });
  });
}
