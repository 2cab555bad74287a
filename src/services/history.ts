/**
 * The run history: every run is saved in IndexedDB when it starts, after every round (the engine's
 * checkpoint events) and when it ends, so a reload, a tab crash or a killed worker loses no finished round.
 * A running run holds a Web Lock named after it: a 'running' entry whose lock nobody holds was interrupted
 * and is offered for resume. When storage is full the run goes on in memory and the history says so.
 */
import { endStatus, type RunResults } from '../core/experiment/events.ts';
import { parseResults } from '../core/experiment/resultsFile.ts';
import { deleteRun, listRuns, loadRun, renameRun, saveRun, type StoredRun } from '../storage/runHistory.ts';
import { labActions, useLab } from '../store/labStore.ts';
import type { HistoryEntry, RunState } from '../store/types.ts';
import { startRun } from './runController.ts';
import { errorText, isQuotaError, requestPersistentStorage, storageEstimate } from './storageQuota.ts';

const LOCK_PREFIX = 'prunefuse-run:';
const UNDO_MS = 10_000;


/** What went wrong writing the history, in words a user can act on. */
export function storageProblem(e: unknown): string {
  if (isQuotaError(e)) {
    return 'Storage is full: this run is kept in memory only (export it as JSON to keep it). Delete old runs or imported datasets to make room.';
  }
  return `The run history could not be saved: ${errorText(e)}. The run is kept in memory only.`;
}

/** The run this tab is recording, its stored record, and the lock that marks it live. */
let current: { runId: number; record: StoredRun; release: () => void } | null = null;
/** Writes happen one after another, in the order the run produced them. */
let writes: Promise<void> = Promise.resolve();
let undone: { record: StoredRun; timer: ReturnType<typeof setTimeout> } | null = null;
/** Runs this tab has finished: their locks may linger a moment after release, but they are not live. */
const finishedHere = new Set<string>();

function write(record: StoredRun): void {
  const copy = { ...record, updatedAt: new Date().toISOString() };
  writes = writes.then(() => saveRun(copy)).then(
    () => useLab.getState().history.error && labActions().setHistory({ error: null }),
    (e: unknown) => labActions().setHistory({ error: storageProblem(e) }),
  ).then(() => undefined);
}

function holdLock(id: string): () => void {
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => (release = resolve));
  void navigator.locks?.request(`${LOCK_PREFIX}${id}`, () => held).catch(() => undefined);
  return release;
}

export function defaultName(config: StoredRun['config']): string {
  const ratios = config.methods.some((m) => m.startsWith('prunefuse')) ? ` p=${config.ratio.join(',')}` : '';
  return `${config.model} ${config.methods.join('+')}${ratios} · seed ${config.seed}`;
}

async function begin(run: RunState): Promise<void> {
  const now = new Date().toISOString();
  const existing = run.historyId ? await loadRun(run.historyId).catch(() => undefined) : undefined;
  const record: StoredRun = existing
    ? { ...existing, status: 'running', updatedAt: now }
    : { id: crypto.randomUUID(), name: defaultName(run.config!), source: 'lab', createdAt: now, updatedAt: now, status: 'running', config: run.config!, backend: null, results: null };
  finishedHere.delete(record.id);
  current = { runId: run.id, record, release: holdLock(record.id) };
  labActions().savedAs(run.id, record.id);
  write(record);
  await writes;
  await refreshHistory();
}

function checkpoint(results: RunResults, run: RunState): void {
  if (!current || current.runId !== run.id) return;
  current.record = { ...current.record, results, backend: run.backend?.name ?? results.backend };
  write(current.record);
}

async function finish(run: RunState, results: RunResults | null): Promise<void> {
  const mine = current;
  if (!mine || mine.runId !== run.id) return;
  const status = run.status === 'done' ? 'done' : run.status === 'cancelled' ? 'cancelled' : 'failed';
  mine.record = { ...mine.record, status, results: results ?? mine.record.results, ...(run.error ? { error: run.error } : {}) };
  write(mine.record);
  // The next run (a repeat) may begin while this one is written: it gets its own recorder.
  if (current === mine) current = null;
  await writes;
  finishedHere.add(mine.record.id);
  mine.release();
  await refreshHistory();
}

const terminal = (s: RunState['status']) => s === 'done' || s === 'cancelled' || s === 'failed';

export async function refreshHistory(): Promise<void> {
  try {
    const [runs, locks, estimate] = await Promise.all([
      listRuns(),
      navigator.locks?.query().catch(() => ({ held: [] })) ?? { held: [] },
      storageEstimate(),
    ]);
    const live = new Set((locks.held ?? []).map((l) => l.name ?? '').filter((name) => !finishedHere.has(name.slice(LOCK_PREFIX.length))));
    if (current) live.add(`${LOCK_PREFIX}${current.record.id}`);
    labActions().setHistory({
      entries: runs.map((r): HistoryEntry => ({ ...r, live: live.has(`${LOCK_PREFIX}${r.id}`) })),
      loaded: true,
      storage: estimate ? { usage: estimate.usage, quota: estimate.quota, persisted: estimate.persisted === true } : null,
    });
  } catch (e) {
    labActions().setHistory({ loaded: true, error: `The run history cannot be read: ${errorText(e)}` });
  }
}

/** Saves runs as they go; returns the unsubscribe function. */
export function startHistorySync(): () => void {
  void requestPersistentStorage().then(() => refreshHistory());
  return useLab.subscribe((state, prev) => {
    const run = state.run;
    if (run.origin !== 'live') return;
    if (run.id !== prev.run.id && run.status === 'starting') void begin(run);
    else if (state.metrics.results && state.metrics.results !== prev.metrics.results && !terminal(run.status)) checkpoint(state.metrics.results, run);
    if (run.status !== prev.run.status && terminal(run.status)) void finish(run, state.metrics.results);
  });
}

export async function openEntry(id: string): Promise<void> {
  const record = await loadRun(id);
  if (!record?.results) {
    labActions().setHistory({ error: record ? `"${record.name}" has no finished round to show yet.` : 'That run is no longer in the history.' });
    return;
  }
  labActions().replaceConfig(record.config);
  labActions().showResults(record.results, 'history', id, record.name);
}

export async function resumeEntry(id: string): Promise<void> {
  const record = await loadRun(id);
  if (!record) return;
  labActions().replaceConfig(record.config);
  await startRun(record.config, record.results ? { historyId: id, results: record.results } : undefined);
}

export async function renameEntry(id: string, name: string): Promise<void> {
  const trimmed = name.trim();
  if (!trimmed) return;
  await renameRun(id, trimmed).catch((e: unknown) => labActions().setHistory({ error: storageProblem(e) }));
  await refreshHistory();
}

/** Deletes at once; the record stays in memory for UNDO_MS so undoDelete can put it back. */
export async function deleteEntry(id: string): Promise<void> {
  const record = await loadRun(id);
  if (!record) return;
  if (undone) clearTimeout(undone.timer);
  undone = { record, timer: setTimeout(() => ((undone = null), labActions().setHistory({ undo: null })), UNDO_MS) };
  await deleteRun(id);
  labActions().setHistory({ undo: { id, name: record.name }, compare: useLab.getState().history.compare.filter((x) => x !== id) });
  await refreshHistory();
}

export async function undoDelete(): Promise<void> {
  if (!undone) return;
  clearTimeout(undone.timer);
  const { record } = undone;
  undone = null;
  labActions().setHistory({ undo: null });
  await saveRun(record).catch((e: unknown) => labActions().setHistory({ error: storageProblem(e) }));
  await refreshHistory();
}

/** Opens a results file (the CLI's results.json or an export) and keeps it in the history. */
export async function importResultsFile(file: File): Promise<void> {
  let results: RunResults;
  try {
    results = parseResults(await file.text());
  } catch (e) {
    labActions().setHistory({ error: `${file.name}: ${errorText(e)}` });
    return;
  }
  await keepResults(results, 'imported', file.name.replace(/\.json$/i, ''));
}

/** Saves results that did not run here (imported, shared) in the history and shows them. */
export async function keepResults(results: RunResults, source: 'imported' | 'shared', name: string): Promise<void> {
  const now = new Date().toISOString();
  const status = endStatus(results);
  const record: StoredRun = { id: crypto.randomUUID(), name, source, createdAt: now, updatedAt: now, status, config: results.config, backend: results.backend, results, ...(results.stopped && status === 'failed' ? { error: results.stopped } : {}) };
  labActions().replaceConfig(results.config);
  labActions().showResults(results, source, record.id, name);
  labActions().setHistory({ error: null });
  write(record);
  await writes;
  await refreshHistory();
}
