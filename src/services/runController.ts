/**
 * Runs experiments in the lab worker. The worker lives across runs (its backend and dataset stay
 * loaded); it is replaced after it is terminated, crashes, dies or stops responding. Cancelling asks the
 * worker to stop between steps and terminates it if it has not stopped within CANCEL_GRACE_MS. Whatever
 * happens, the rounds that finished stay in the store.
 *
 * Liveness: the worker holds a Web Lock for its life, so the page learns at once when it ends without
 * an error event (self.close(), terminated execution); and it sends heartbeats (workers/heartbeat.ts),
 * so a watchdog here notices a worker that hangs: silence beyond what its last beat announced fails the
 * run, and the next Start gets a fresh worker.
 */
import * as Comlink from 'comlink';
import { watchLifeLock } from './lifeLock.ts';
import { pageClaimFlag } from './pageClaim.ts';
import { repeatConfigs, type RunConfig } from '../core/config/runConfig.ts';
import type { RunResults } from '../core/experiment/events.ts';
import type { BenchRequest, BenchRow } from '../protocol/bench.ts';
import type { LabWorkerApi } from '../../workers/lab.worker.ts';
import { isHeartbeat, type LabEvent } from '../protocol/workerProtocol.ts';
import { labActions, useLab } from '../store/labStore.ts';
import { isActive } from '../store/types.ts';
import { bufferEvents, flushEvents } from './eventBuffer.ts';

export const CANCEL_GRACE_MS = 3000;
/** A new worker's first heartbeat must come within this (its script loads and tfjs initialises first). */
export const FIRST_BEAT_MS = 20_000;
const WATCHDOG_MS = 250;

interface LabWorker {
  worker: Worker;
  remote: Comlink.Remote<LabWorkerApi>;
  /** Rejects when the worker is terminated: calls to it then never answer. */
  gone: Promise<never>;
  markGone: (reason: Error) => void;
  ended: boolean;
  created: number;
  /** The last heartbeat and when it came (performance.now()). */
  beat: { at: number; running: boolean; quietMs: number; tensorBytes: number } | null;
  watchdog: ReturnType<typeof setInterval>;
}

let current: LabWorker | undefined;
let backstop: ReturnType<typeof setTimeout> | undefined;
/** Shared with the worker when the page is cross-origin isolated: 1 = stop. */
let stopFlag: Int32Array | undefined;

const message = (error: unknown): string => (error instanceof Error ? error.message : String(error));

function discard(w: LabWorker, why = 'the worker was terminated'): void {
  if (w.ended) return;
  w.ended = true;
  clearInterval(w.watchdog);
  w.worker.terminate();
  w.markGone(new Error(why));
  if (current === w) current = undefined;
}

/** Ends the worker and fails the active run, if any, with `why`; the finished rounds stay. */
function lost(w: LabWorker, why: string): void {
  if (w.ended) return;
  discard(w, why);
  flushEvents();
  const { run } = useLab.getState();
  if (isActive(run.status)) labActions().runFailed(run.id, why);
}

const KEEP = 'the finished rounds are kept; the next Start uses a new worker';

/** Why the worker crashed, from its error event; a guess at memory only when its tensors were large. */
function crashMessage(w: LabWorker, event: ErrorEvent): string {
  // An error before the first heartbeat with no message: the script did not load (offline, not cached) or did not start.
  if (w.beat === null && !event.message) return "could not load the lab worker's script (lab.worker.js): offline, and not kept for offline use?";
  const heavy = w.beat !== null && w.beat.tensorBytes > LARGE_TENSOR_BYTES;
  const what = event.message || `no error message${heavy ? ` (it held ${Math.round(w.beat!.tensorBytes / 2 ** 20)} MiB of tensors: out of memory?)` : ''}`;
  return `the worker crashed: ${what}`;
}

/** Tensor memory past which a crash without a message is likely memory (browsers give a worker 1-4 GiB). */
const LARGE_TENSOR_BYTES = 1024 * 2 ** 20;

function watch(w: LabWorker): void {
  let lastTick = performance.now();
  w.watchdog = setInterval(() => {
    const t = performance.now();
    const late = t - lastTick > 4 * WATCHDOG_MS;
    lastTick = t;
    // This page's timers were held up (a hidden or frozen tab): beats may be waiting in the queue.
    if (late) {
      if (w.beat) w.beat.at = Math.max(w.beat.at, t - WATCHDOG_MS);
      return;
    }
    const silence = t - (w.beat?.at ?? w.created);
    const limit = w.beat ? w.beat.quietMs : FIRST_BEAT_MS;
    if (silence <= limit) return;
    const s = Math.round(silence / 1000);
    lost(w, w.beat ? `the worker stopped responding (no heartbeat for ${s} s) and was terminated; ${KEEP}` : `the worker did not start within ${s} s and was terminated; ${KEEP}`);
  }, WATCHDOG_MS);
}

function labWorker(): LabWorker {
  if (current) return current;
  // Written inline: Vite bundles a worker only from this exact `new Worker(new URL(...))` form.
  const worker = new Worker(new URL('../../workers/lab.worker.ts', import.meta.url), { type: 'module', name: 'lab' });
  let markGone: (reason: Error) => void = () => undefined;
  const gone = new Promise<never>((_, reject) => (markGone = reject));
  gone.catch(() => undefined);
  const w: LabWorker = { worker, remote: Comlink.wrap<LabWorkerApi>(worker), gone, markGone, ended: false, created: performance.now(), beat: null, watchdog: 0 as unknown as ReturnType<typeof setInterval> };
  worker.addEventListener('message', (event: MessageEvent) => {
    if (isHeartbeat(event.data)) w.beat = { at: performance.now(), running: event.data.running, quietMs: event.data.quietMs, tensorBytes: event.data.tensorBytes };
  });
  worker.addEventListener('error', (event) => {
    event.preventDefault();
    lost(w, `${crashMessage(w, event)}; ${KEEP}`);
  });
  worker.addEventListener('messageerror', () => lost(w, `a message from the worker could not be read; ${KEEP}`));
  watch(w);
  holdLifeLock(w);
  const claim = pageClaimFlag();
  if (claim) void w.remote.usePageClaim(claim).catch(() => undefined);
  current = w;
  return w;
}

/** The worker holds a Web Lock while it lives; the page's request for it is granted when the worker ends. */
function holdLifeLock(w: LabWorker): void {
  watchLifeLock((name) => w.remote.holdLock(name), w.gone, () => {
    if (!w.ended) lost(w, `the worker stopped without an error (it was closed or its execution was terminated); ${KEEP}`);
  });
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
    const wasRunning = w.beat?.running === true;
    discard(w);
    flushEvents();
    labActions().runTerminated(
      id,
      wasRunning
        ? `the worker did not stop within ${CANCEL_GRACE_MS / 1000} s and was terminated`
        : 'the worker had not started the run yet (it was still loading); it was stopped',
    );
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

/** Makes the worker end silently or hang (for tests of liveness); false without a worker. */
export async function breakWorker(how: 'close' | 'hang'): Promise<boolean> {
  if (!current) return false;
  await (how === 'close' ? current.remote.closeSilently() : current.remote.hang());
  return true;
}

/** Evaluates an exported model in the worker (starting one if needed) on its run's test split. */
export async function evaluateModelInWorker(json: unknown, bin: Uint8Array) {
  const w = labWorker();
  return Promise.race([w.remote.evaluateModel(json, Comlink.transfer(bin, [bin.buffer as ArrayBuffer])), w.gone]);
}

/** Measures this backend's training and inference speed for the config's model (starting a worker if needed). */
export async function calibrateInWorker(config: RunConfig, inputShape: [number, number, number], numClasses: number) {
  const w = labWorker();
  return Promise.race([w.remote.calibrate(config, inputShape, numClasses), w.gone]);
}

/**
 * Runs the benchmark in the worker (starting one if needed; `npm run bench -- --browser` calls it through
 * window.__lab): the rows, with progress lines through `onProgress`.
 */
export async function benchInWorker(request: BenchRequest, onProgress?: (line: string) => void): Promise<BenchRow[]> {
  if (isActive(useLab.getState().run.status)) throw new Error('a run is going: benchmark when it has ended');
  const w = labWorker();
  return Promise.race([w.remote.bench(request, onProgress ? Comlink.proxy(onProgress) : undefined), w.gone]);
}
