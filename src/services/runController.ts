/**
 * Runs experiments in the lab worker. The worker lives across runs (its backend and dataset stay
 * loaded); it is replaced after it is terminated or crashes. Cancelling asks the worker to stop between
 * steps and terminates it if it has not stopped within CANCEL_GRACE_MS. Whatever happens, the rounds
 * that finished stay in the store.
 */
import * as Comlink from 'comlink';
import { repeatConfigs, type RunConfig } from '../core/config/runConfig.ts';
import type { RunResults } from '../core/experiment/events.ts';
import type { LabWorkerApi } from '../../workers/lab.worker.ts';
import type { LabEvent } from '../protocol/workerProtocol.ts';
import { labActions, useLab } from '../store/labStore.ts';
import { isActive } from '../store/types.ts';
import { bufferEvents, flushEvents } from './eventBuffer.ts';

export const CANCEL_GRACE_MS = 3000;

interface LabWorker {
  worker: Worker;
  remote: Comlink.Remote<LabWorkerApi>;
  /** Rejects when the worker is terminated: calls to it then never answer. */
  gone: Promise<never>;
  markGone: (reason: Error) => void;
}

let current: LabWorker | undefined;
let backstop: ReturnType<typeof setTimeout> | undefined;
/** Shared with the worker when the page is cross-origin isolated: 1 = stop. */
let stopFlag: Int32Array | undefined;

const message = (error: unknown): string => (error instanceof Error ? error.message : String(error));

function discard(w: LabWorker): void {
  w.worker.terminate();
  w.markGone(new Error('the worker was terminated'));
  if (current === w) current = undefined;
}

function labWorker(): LabWorker {
  if (current) return current;
  const worker = new Worker(new URL('../../workers/lab.worker.ts', import.meta.url), { type: 'module', name: 'lab' });
  let markGone: (reason: Error) => void = () => undefined;
  const gone = new Promise<never>((_, reject) => (markGone = reject));
  gone.catch(() => undefined);
  const w: LabWorker = { worker, remote: Comlink.wrap<LabWorkerApi>(worker), gone, markGone };
  worker.addEventListener('error', (event) => {
    event.preventDefault();
    const { run } = useLab.getState();
    discard(w);
    flushEvents();
    labActions().runFailed(run.id, `the worker crashed: ${event.message || 'no message (out of memory?)'}`);
  });
  current = w;
  return w;
}

/**
 * The previous run's end, worker call and clean-up included: the status shows a run's end as soon as its
 * last event arrives, and a new run started then must not reach a worker that is about to be discarded.
 */
let previousRun: Promise<void> = Promise.resolve();

/** A run to continue: its history entry and the results it has so far. */
export interface Resume {
  historyId: string;
  results: RunResults;
}

/**
 * Starts a run: once, or once per seed when the config lists `seeds` (repeats: the next seed starts when one
 * ends done; a cancel or failure ends the repeats). Each repeat is a run of its own in the history.
 */
export async function startRun(config: RunConfig, resume?: Resume): Promise<void> {
  if (isActive(useLab.getState().run.status)) return;
  const repeats = repeatConfigs(config);
  if (repeats.length === 1) {
    labActions().setRepeats(null);
    await startOne(repeats[0]!, resume);
    return;
  }
  const state = { config, seeds: config.seeds, results: [] as RunResults[], running: true };
  labActions().setRepeats(state);
  for (const one of repeats) {
    await startOne(one);
    const { run, metrics } = useLab.getState();
    if (run.status !== 'done' || !metrics.results) break;
    state.results = [...state.results, metrics.results];
    labActions().setRepeats({ ...state });
  }
  labActions().setRepeats({ ...state, running: false });
}

async function startOne(config: RunConfig, resume?: Resume): Promise<void> {
  const id = labActions().runStarting(config, resume?.historyId);
  const run = previousRun.then(() => runInWorker(id, config, resume?.results));
  previousRun = run.catch(() => undefined);
  await run;
}

async function runInWorker(id: number, config: RunConfig, previous?: RunResults): Promise<void> {
  let w: LabWorker;
  try {
    w = labWorker();
    // A worker whose WebGPU device is gone cannot train again: this run gets a fresh one.
    if (await Promise.race([w.remote.deviceLost(), w.gone]).catch(() => null)) {
      discard(w);
      w = labWorker();
    }
  } catch (error) {
    labActions().runFailed(id, `cannot start the worker: ${message(error)}`);
    return;
  }
  const onEvents = Comlink.proxy((events: LabEvent[]) => bufferEvents(id, events));
  stopFlag = crossOriginIsolated ? new Int32Array(new SharedArrayBuffer(4)) : undefined;
  try {
    await Promise.race([w.remote.run(config, onEvents, stopFlag, previous), w.gone]);
    flushEvents();
    labActions().runSettled(id);
  } catch (error) {
    flushEvents();
    labActions().runFailed(id, message(error));
  } finally {
    if (useLab.getState().run.id === id && backstop !== undefined) {
      clearTimeout(backstop);
      backstop = undefined;
    }
  }
}

export function cancelRun(): void {
  const { run } = useLab.getState();
  if (!isActive(run.status) || run.status === 'cancelling') return;
  labActions().cancelRequested();
  const w = current;
  if (!w) return;
  if (stopFlag) Atomics.store(stopFlag, 0, 1);
  void w.remote.cancel().catch(() => undefined);
  const id = run.id;
  backstop = setTimeout(() => {
    backstop = undefined;
    if (useLab.getState().run.id !== id || !isActive(useLab.getState().run.status)) return;
    discard(w);
    flushEvents();
    labActions().runTerminated(id, `the worker did not stop within ${CANCEL_GRACE_MS / 1000} s and was terminated`);
  }, CANCEL_GRACE_MS);
}

/** Destroys the worker's WebGPU device (for tests); false without a worker or a device. */
export async function loseWorkerDevice(): Promise<boolean> {
  return current ? current.remote.loseDevice() : false;
}

/** Tensors alive in the worker (for tests), or null without a worker. */
export async function workerMemory(): Promise<{ numTensors: number; numBytes: number; backend: string } | null> {
  return current ? current.remote.memory() : null;
}

/** The final model of `method` from the last run in this tab's worker, or null (other runs keep none). */
export async function workerFinalModel(method: string, binName: string): Promise<{ modelJson: unknown; bin: Uint8Array } | null> {
  return current ? current.remote.finalModel(method, binName).catch(() => null) : null;
}
