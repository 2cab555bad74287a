/** The run history in IndexedDB (store `runs`): every run with its config and results so far. */
import { labDb, type StoredRun } from './db.ts';

export type { StoredRun, StoredRunStatus } from './db.ts';

export async function saveRun(run: StoredRun): Promise<void> {
  await (await labDb()).put('runs', run);
}

export async function loadRun(id: string): Promise<StoredRun | undefined> {
  return (await labDb()).get('runs', id);
}

/** Every run, newest first. */
export async function listRuns(): Promise<StoredRun[]> {
  const all = await (await labDb()).getAll('runs');
  return all.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

export async function deleteRun(id: string): Promise<void> {
  await (await labDb()).delete('runs', id);
}

export async function renameRun(id: string, name: string): Promise<void> {
  const db = await labDb();
  const tx = db.transaction('runs', 'readwrite');
  const run = await tx.store.get(id);
  if (run) await tx.store.put({ ...run, name });
  await tx.done;
}
