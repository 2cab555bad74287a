/**
 * The lab's run worker: a thin comlink adapter over the engine's event stream. It picks the tfjs
 * backend (workers/backend.ts), loads the dataset, runs the experiment and sends the events back in
 * batches through a Comlink.proxy callback. Configs and results cross as plain data.
 *
 * Cancelling: the engine checks a stop flag between steps. The page sets it through cancel() (the
 * engine's yieldNow gives the worker's event loop a turn every few steps so that message gets in) and,
 * when the page is cross-origin isolated, also in a SharedArrayBuffer the worker reads directly (seen
 * during long evaluations too). The page terminates the worker if it does not stop in time.
 */
import * as tf from '@tensorflow/tfjs-core';
// The training step needs tfjs's gradient functions, which tfjs-core leaves to the host. Imported after
// tfjs-core: under Vite's dev server the other order failed with "Cannot evaluate flag 'DEBUG'".
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import * as Comlink from 'comlink';
import type { RunConfig } from '../src/core/config/runConfig.ts';
import type { MethodMeta, RunResults } from '../src/core/experiment/events.ts';
import { runExperiment, type FinalModel } from '../src/core/experiment/runExperiment.ts';
import { evaluateSavedModel, savedModelConfig, type SavedModelReport } from '../src/core/experiment/savedModel.ts';
import { writeWeightsManifest, type ModelJson } from '../src/core/models/weightsManifest.ts';
import { onInferenceProgress } from '../src/core/train/inferenceProgress.ts';
import { calibrate, type SpeedCalibration } from '../src/core/train/calibrate.ts';
import { resnetSpec } from '../src/core/models/resnet.ts';
import { selectBackend } from './backend.ts';
import { runBench } from './bench.ts';
import { createBatcher } from './batcher.ts';
import { forgetLargeDataset, loadDataset } from './loadDataset.ts';
import type { Dataset } from '../src/core/data/types.ts';
import type { BenchRequest, BenchRow } from '../src/protocol/bench.ts';
import type { EventSink, LabEvent } from '../src/protocol/workerProtocol.ts';
import { startPulse } from './heartbeat.ts';
import { yieldNow } from './yieldNow.ts';
import { holdLifeLock } from './lifeLock.ts';
import { usePageClaim } from '../src/core/kernels/kernelThreads.ts';

const BATCH_MS = 100;
const URGENT = new Set(['backend', 'device-lost', 'run-started', 'checkpoint', 'run-finished', 'run-stopped']);

let stop = false;
/** The page's stop flag in shared memory (cross-origin isolated pages): seen even while no message can be. */
let shared: Int32Array | undefined;
let running = false;
/** The last run's final model of each method, for export. */
let finalModels = new Map<string, FinalModel>();
let lastConfig: RunConfig | null = null;

const cancelled = (): boolean => stop || (shared !== undefined && Atomics.load(shared, 0) !== 0);

/** Tensor bytes; 0 while no backend is ready (tfjs throws then, or starts its own backend choice). */
function tensorBytes(): number {
  if (!tf.engine().backendName) return 0;
  try {
    return tf.memory().numBytes;
  } catch {
    return 0;
  }
}

const pulse = startPulse((beat) => self.postMessage(beat), tensorBytes);

/** The engine's stop check, before every training step and inference batch, doubles as a heartbeat. */
const checkStop = (): boolean => {
  pulse.tick();
  return cancelled();
};

let planned: MethodMeta[] = [];
/** The network that trained last: evaluations are its; scoring and ranking are its track's selector's. */
let lastTag: { track: string; role: 'selector' | 'target'; method?: string; round: number } | null = null;
const WORK_EVENT_MS = 100;

/**
 * The engine's own view of a dataset (shallow copies), emptied once the engine has made its pool and test
 * copies (at 'run-started'; after that it reads only the dataset's id, name and classes). With a large
 * dataset not kept between runs either, the engine's copies are the only pixels in the worker.
 */
function engineView(d: Dataset): { view: Dataset; release: () => void } {
  const view: Dataset = { ...d, train: { ...d.train }, ...(d.test ? { test: { ...d.test } } : {}) };
  const release = () => {
    view.train = { ...view.train, images: new Uint8Array(0) };
    if (view.test) view.test = { ...view.test, images: new Uint8Array(0) };
    forgetLargeDataset();
  };
  return { view, release };
}

/** Lets the heartbeat follow the run: its networks' sizes, which of them have trained. */
function watchRun(event: LabEvent): void {
  if (event.type === 'run-started') {
    planned = event.methods;
    pulse.planned(planned.flatMap((m) => [m.selector.macs, m.target.macs]));
  } else if (event.type === 'step') {
    lastTag = { track: event.track, role: event.role, ...(event.method ? { method: event.method } : {}), round: event.round };
    const m = planned.find((x) => (event.role === 'target' ? x.method === event.method : x.track === event.track));
    pulse.stepSeen(m ? (event.role === 'target' ? m.target.macs : m.selector.macs) : 0);
  }
}

interface LostInfo {
  reason?: string;
  message?: string;
}

/** Why this worker's WebGPU device was lost, once it has been: the worker cannot train on it again. */
let lostDevice: string | null = null;

/** Reports a lost WebGPU device instead of letting the run fail without a word, and stops the run. */
function watchDevice(backendName: string, report: (message: string) => void): void {
  if (backendName !== 'webgpu') return;
  const device = (tf.backend() as unknown as { device?: { lost?: Promise<LostInfo> } }).device;
  if (!device?.lost) return;
  void device.lost.then((info) => {
    lostDevice = `WebGPU device lost (${info.reason ?? 'unknown reason'}): ${info.message ?? ''}`.trim().replace(/:$/, '');
    report(lostDevice);
    stop = true;
  });
}

const api = {
  /**
   * Runs one experiment. Its results reach the page once, in the run-finished or run-stopped event; this
   * resolves after the page has taken every event (none when cancelled before the experiment started).
   * With `previous` (an unfinished run's results) it resumes after their last finished rounds.
   */
  async run(config: RunConfig, onEvents: EventSink, stopFlag?: Int32Array, previous?: RunResults): Promise<void> {
    if (running) throw new Error('this worker is already running an experiment');
    if (lostDevice) throw new Error(`${lostDevice}; this worker cannot run again`);
    running = true;
    stop = false;
    finalModels = new Map();
    lastConfig = config;
    shared = stopFlag;
    pulse.runStarted();
    const batcher = createBatcher<LabEvent>(async (batch) => onEvents(batch), BATCH_MS, (e) => URGENT.has(e.type));
    let lastWork = -Infinity;
    lastTag = null;
    onInferenceProgress((phase, done, total) => {
      const t = performance.now();
      if (!lastTag || (t - lastWork < WORK_EVENT_MS && done > 0 && done < total)) return;
      lastWork = t;
      const tag = phase === 'evaluating' ? lastTag : { track: lastTag.track, role: 'selector' as const, round: lastTag.round };
      batcher.push({ type: 'work', phase, ...tag, done, total, at: t });
    });
    try {
      batcher.push({ type: 'status', text: 'choosing a backend' });
      const backend = await selectBackend(config.backend === 'auto' ? undefined : config.backend);
      batcher.push({ type: 'backend', ...backend });
      watchDevice(backend.name, (message) => batcher.push({ type: 'device-lost', message }));
      if (cancelled()) return;
      batcher.push({ type: 'status', text: `loading ${config.dataset}` });
      const { view, release } = engineView(await loadDataset(config.dataset));
      if (cancelled()) return;
      batcher.push({ type: 'status', text: 'preparing the networks' });
      await yieldNow();
      await runExperiment(config, view, {
        backend: backend.name,
        emit: (event) => {
          if (event.type === 'run-started') release();
          watchRun(event);
          batcher.push({ ...event, at: performance.now() });
        },
        cancelled: checkStop,
        yieldNow,
        finalModel: (m) => void finalModels.set(m.method, m),
      }, previous);
    } finally {
      onInferenceProgress(undefined);
      await batcher.drain();
      running = false;
      pulse.runEnded();
    }
  },

  /**
   * Evaluates an exported model (model.json + .bin) on the test split of the run that made it, on the
   * backend that run asked for; the report says whether the accuracy is the recorded one.
   */
  async evaluateModel(json: unknown, bin: Uint8Array): Promise<SavedModelReport & { backend: string }> {
    if (running) throw new Error('a run is going: evaluate the model when it has ended');
    const config = savedModelConfig(json);
    const backend = await selectBackend(config.backend === 'auto' ? undefined : config.backend);
    const dataset = await loadDataset(config.dataset);
    return { ...(await evaluateSavedModel(json, bin, dataset)), backend: backend.name };
  },

  /**
   * Times a few training steps and an inference batch of the config's model on the backend it asks for
   * (store/timeEstimate.ts turns it into the time of a whole run), for a dataset of this image shape.
   */
  async calibrate(config: RunConfig, inputShape: [number, number, number], numClasses: number): Promise<SpeedCalibration & { reason: string }> {
    if (running) throw new Error('a run is going: its own progress measures the speed');
    running = true;
    stop = false;
    // Beats like a run before its first step (a minute's grace: loading the backend, compiling kernels).
    pulse.runStarted();
    try {
      const backend = await selectBackend(config.backend === 'auto' ? undefined : config.backend);
      const spec = resnetSpec(config.model, { inputShape, numClasses });
      return { ...(await calibrate(spec, config.batch, backend.name, checkStop)), reason: backend.reason };
    } finally {
      running = false;
      pulse.runEnded();
    }
  },

  /**
   * The benchmark (`npm run bench -- --browser`): times the lab's networks on each requested backend,
   * started as a run starts it, and checks them against the cpu backend (workers/bench.ts). Progress lines
   * go to `onProgress` (a Comlink.proxy).
   */
  async bench(request: BenchRequest, onProgress?: (line: string) => void): Promise<BenchRow[]> {
    if (running) throw new Error('a run is going: benchmark when it has ended');
    if (lostDevice) throw new Error(`${lostDevice}; this worker cannot benchmark again`);
    running = true;
    stop = false;
    pulse.runStarted();
    try {
      // Through Comlink the callback answers with a promise; a page that has gone only loses the line.
      const progress = (line: string) => void Promise.resolve(onProgress?.(line)).catch(() => undefined);
      return await runBench(request, { tick: () => pulse.tick(), progress, cancelled });
    } finally {
      running = false;
      pulse.runEnded();
    }
  },

  /** The last run's final model of `method` as model.json + .bin (tfjs weights manifest), or null. */
  finalModel(method: string, binName: string): { modelJson: ModelJson; bin: Uint8Array } | null {
    const m = finalModels.get(method);
    if (!m) return null;
    const out = writeWeightsManifest(m.spec, m.weights, binName, { method, accuracy: m.accuracy, backend: tf.getBackend(), config: lastConfig });
    return Comlink.transfer(out, [out.bin.buffer as ArrayBuffer]);
  },

  /**
   * Takes the Web Lock `name` and holds it for the worker's life; resolves once it is held (false where
   * Web Locks are missing). The page then waits for the same lock: the browser grants it the moment this
   * worker ends, however it ends (closed, terminated, crashed), even with no error event.
   */
  /** Holds a Web Lock for the worker's life: the page learns of its end, however it ends (workers/lifeLock.ts). */
  holdLock: holdLifeLock,

  /** The page's claim on a core (src/services/pageClaim.ts): while set, kernels leave their helper threads asleep. */
  usePageClaim(flag: Int32Array): void {
    usePageClaim(flag);
  },

  cancel(): void {
    stop = true;
  },

  /** Why this worker's WebGPU device was lost, or null: a worker without its device must be replaced. */
  deviceLost(): string | null {
    return lostDevice;
  },

  /** Destroys the WebGPU device, as a driver reset would (for tests of a lost device); false without one. */
  loseDevice(): boolean {
    const device = (tf.backend() as unknown as { device?: { destroy?: () => void } }).device;
    if (tf.getBackend() !== 'webgpu' || !device?.destroy) return false;
    device.destroy();
    return true;
  },

  /** Ends this worker without an error or a message, as a killed worker would (for tests of liveness). */
  closeSilently(): void {
    setTimeout(() => self.close(), 0);
  },

  /** Blocks this worker's event loop for good, as a hung computation would (for tests of liveness). */
  hang(): void {
    setTimeout(() => {
      for (;;) {
        /* never yields */
      }
    }, 0);
  },

  /** Live tensors, for tests that check nothing leaks between runs. */
  memory(): { numTensors: number; numBytes: number; backend: string } {
    const m = tf.memory();
    return { numTensors: m.numTensors, numBytes: m.numBytes, backend: tf.getBackend() ?? 'none' };
  },
};

export type LabWorkerApi = typeof api;

Comlink.expose(api);
