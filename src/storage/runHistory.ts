/**
 * The run history in IndexedDB: every run with its config and results so far (store `runs`), and a
 * summary of each (store `runIndex`), written together, so the list never reads a run's results.
 */
import { finalAccuracy } from '../core/experiment/events.ts';
import { labDb, type RunSummary, type StoredRun } from './db.ts';

export type { RunSummary, StoredRun, StoredRunStatus } from './db.ts';

export function summarise(r: StoredRun): RunSummary {
  const results = r.results;
  return {
    id: r.id, name: r.name, source: r.source, createdAt: r.createdAt, updatedAt: r.updatedAt, status: r.status, error: r.error ?? null,
    dataset: results?.dataset.name ?? r.config.dataset, model: r.config.model, ratios: r.config.ratio, backend: r.backend,
    roundsDone: results ? results.methods.reduce((n, m) => n + m.rounds.length, 0) : 0,
    roundsTotal: results ? results.methods.length * results.fractions.length : 0,
    finals: (results?.methods ?? []).flatMap((m) => {
      const last = m.rounds.at(-1);
      return last ? [{ method: m.method, accuracy: finalAccuracy(last) }] : [];
    }),
  };
}

export async function saveRun(run: StoredRun): Promise<void> {
  const tx = (await labDb()).transaction(['runs', 'runIndex'], 'readwrite');
  await Promise.all([tx.objectStore('runs').put(run), tx.objectStore('runIndex').put(summarise(run)), tx.done]);
}

export async function loadRun(id: string): Promise<StoredRun | undefined> {
  return (await labDb()).get('runs', id);
}

/** Every run's summary, newest first. */
export async function listRuns(): Promise<RunSummary[]> {
  const all = await (await labDb()).getAll('runIndex');
  return all.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

export async function deleteRun(id: string): Promise<void> {
  const tx = (await labDb()).transaction(['runs', 'runIndex'], 'readwrite');
  await Promise.all([tx.objectStore('runs').delete(id), tx.objectStore('runIndex').delete(id), tx.done]);
}

export async function renameRun(id: string, name: string): Promise<void> {
  const tx = (await labDb()).transaction(['runs', 'runIndex'], 'readwrite');
  const [run, summary] = await Promise.all([tx.objectStore('runs').get(id), tx.objectStore('runIndex').get(id)]);
  if (run) await tx.objectStore('runs').put({ ...run, name });
  if (summary) await tx.objectStore('runIndex').put({ ...summary, name });
  await tx.done;
}
