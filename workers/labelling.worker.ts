/**
 * The labelling mode's worker: imports the person's images (unpacked and decoded here, so 10,000 images do
 * not freeze the page), trains the pruned selector each round and scores the unlabelled images, and at the
 * end fuses and distils the dense model (src/core/labelling). It reads the session's images from IndexedDB
 * itself, once per session; labels and roles come with each call, as the person gave them.
 */
import '@tensorflow/tfjs-core';
// Gradients after tfjs-core (see lab.worker.ts).
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import * as Comlink from 'comlink';
import type { BackendChoice } from '../src/core/config/backend.ts';
import { expandFiles } from '../src/core/data/expand.ts';
import type { ImageSet } from '../src/core/data/types.ts';
import { DEFAULT_MAX_BYTES } from '../src/core/data/types.ts';
import { finishSession, type FinalModel } from '../src/core/labelling/finish.ts';
import type { ImageRole, LabellingSettings } from '../src/core/labelling/labellingTypes.ts';
import { selectorRound, type RoundOutcome } from '../src/core/labelling/selectorRound.ts';
import { importUnlabelled, type UnlabelledImages } from '../src/core/labelling/unlabelledImport.ts';
import type { ImportFile } from '../src/protocol/workerProtocol.ts';
import { loadImages } from '../src/storage/labellingDb.ts';
import { selectBackend } from './backend.ts';
import { decodeImage } from './decodeImage.ts';
import { yieldNow } from './yieldNow.ts';
import { holdLifeLock } from './lifeLock.ts';
import { usePageClaim } from '../src/core/kernels/kernelThreads.ts';

/** What a round or the finish needs besides the images: the person's labels so far. */
export interface LabelsNow {
  session: string;
  classes: number;
  labels: Int32Array;
  roles: ImageRole[];
  round: number;
  settings: LabellingSettings & { lambda: number; T: number };
  /** Training labels from random batches, for the random-selection baseline (only when it can say something new). */
  randomTrain?: number[];
}

type Progress = (stage: string, done: number, total: number) => void;

let stop = false;
let backend: Promise<BackendChoice> | undefined;
let cached: { id: string; images: ImageSet } | undefined;

async function imagesOf(now: LabelsNow): Promise<ImageSet> {
  if (cached?.id !== now.session) {
    const stored = await loadImages(now.session);
    if (!stored) throw new Error('this session has no images in this browser any more (was it deleted in another tab?)');
    cached = { id: now.session, images: { count: stored.count, height: stored.size, width: stored.size, channels: stored.channels, images: stored.pixels, labels: new Int32Array(stored.count) } };
  }
  if (now.labels.length !== cached.images.count) throw new RangeError(`${now.labels.length} labels for ${cached.images.count} images`);
  return { ...cached.images, labels: now.labels };
}

/** `onProgress`, at most every 100 ms (and always at the end). */
function throttled(onProgress?: Progress): Progress {
  let last = 0;
  return (stage, done, total) => {
    const t = performance.now();
    if (!onProgress || (t - last < 100 && done < total)) return;
    last = t;
    onProgress(stage, done, total);
  };
}

/** The host hooks of a round: the stop flag, a turn for the event loop between steps, and progress. */
function host(stage: string, onProgress?: Progress) {
  const report = throttled(onProgress);
  return { cancelled: () => stop, yieldNow, onStep: (step: number, total: number) => report(stage, step, total) };
}

const api = {
  /** Unpacks and decodes the files (throttled progress); the pixels come back transferred. */
  async importImages(files: ImportFile[], options: { size: number; classes?: string[]; knownLabels?: string }, onProgress?: Progress): Promise<UnlabelledImages> {
    const report = throttled(onProgress);
    const expanded = await expandFiles(files, DEFAULT_MAX_BYTES, report);
    const out = await importUnlabelled(expanded, {
      size: options.size, decode: decodeImage,
      ...(options.classes ? { classes: options.classes } : {}),
      ...(options.knownLabels !== undefined ? { knownLabels: options.knownLabels } : {}),
      onProgress: (done, total) => report('decode', done, total),
    });
    return Comlink.transfer(out, [out.pixels.buffer, out.known.buffer]);
  },

  /** The backend rounds run on (chosen once), and why. */
  backend(): Promise<BackendChoice> {
    backend ??= selectBackend();
    return backend;
  },

  /** One selector round: train on the labels, estimate on the held-out ones, queue the next batch. */
  async round(now: LabelsNow, onProgress?: Progress): Promise<RoundOutcome> {
    stop = false;
    await api.backend();
    const images = await imagesOf(now);
    return selectorRound({ images, classes: now.classes, roles: now.roles, round: now.round, ...(now.randomTrain ? { randomTrain: now.randomTrain } : {}) }, now.settings, host('training the selector', onProgress));
  },

  /** Finishing: fuse `selector` into the dense model and train it with distillation on every label. */
  async finish(now: LabelsNow, selector: RoundOutcome['selector'], onProgress?: Progress): Promise<FinalModel> {
    stop = false;
    await api.backend();
    const images = await imagesOf(now);
    return finishSession({ images, classes: now.classes, roles: now.roles, round: now.round }, now.settings, selector, host('training the fused model', onProgress));
  },

  /** Stops the round or finish at the next step (it then rejects with a cancellation). */
  cancel(): void {
    stop = true;
  },

  /** Holds a Web Lock for the worker's life: the page learns of its end, however it ends (workers/lifeLock.ts). */
  holdLock: holdLifeLock,

  /** The page's claim on a core (src/services/pageClaim.ts): while set, kernels leave their helper threads asleep. */
  usePageClaim(flag: Int32Array): void {
    usePageClaim(flag);
  },

  /** Ends this worker without an error or a message, as a killed worker would (for tests of liveness). */
  closeSilently(): void {
    setTimeout(() => self.close(), 0);
  },

  /** Forget the cached images (the session was closed or deleted). */
  forget(): void {
    cached = undefined;
  },
};

export type LabellingWorkerApi = typeof api;

Comlink.expose(api);
