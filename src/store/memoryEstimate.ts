/**
 * The run worker's peak memory, estimated before Start from the dataset, the pool and test caps, the
 * model and the batch: the pixels (the dataset as loaded, and the pool and test copies the engine makes
 * from it), the largest network's activations kept for a training step (conv, batch-norm and ReLU outputs
 * plus their gradients, per image in the batch) or for an inference batch of 256 (kept until the batch's
 * tf.tidy ends), weights with momentum and gradients, and the selection buffers (probabilities, k-center
 * features). tfjs-wasm's heap grows and is not returned, so the estimate is a peak, with a margin for the
 * allocator and the worker's code. A rough guide (within a factor of about 1.5 of the worker heap measured for
 * issue 15: 360-445 MiB for a full CIFAR-10 pool on resnet20), not a promise.
 */
import type { RunConfig } from '../core/config/runConfig.ts';
import { featureWidth, layersOf, type ResNetSpec } from '../core/models/spec.ts';
import { resnetSpec } from '../core/models/resnet.ts';
import type { DatasetEntry } from './types.ts';

export const INFERENCE_IMAGES = 256;
const F32 = 4;
/** Allocator slack and tfjs's own buffers on top of the live tensors. */
const HEAP_MARGIN = 1.25;
/** The worker's code, tfjs and the wasm module before any data (measured: about 40 MiB). */
const BASE_BYTES = 40 * 2 ** 20;

/** Floats of every conv layer's output for one image. */
export function activationsPerImage(spec: ResNetSpec): number {
  return layersOf(spec).reduce((n, l) => n + (l.kind === 'conv' ? l.outH * l.outW * l.outC : l.outF), 0);
}

export interface MemoryEstimate {
  pixels: number;
  tensors: number;
  selection: number;
  total: number;
}

export function estimateWorkerMemory(config: RunConfig, dataset: DatasetEntry): MemoryEstimate {
  const [h, w, c] = dataset.imageShape;
  const imageBytes = h * w * c;
  const pool = config.pool > 0 ? Math.min(config.pool, dataset.counts.train) : dataset.counts.train;
  const testCount = dataset.counts.test > 0 ? dataset.counts.test : Math.round(dataset.counts.train / 6);
  const test = config.test > 0 ? Math.min(config.test, testCount) : testCount;
  const pixels = dataset.bytes + (pool + test) * (imageBytes + 4);
  const spec = resnetSpec(config.model, { inputShape: [h, w, c], numClasses: dataset.classes });
  const act = activationsPerImage(spec);
  const batch = Math.min(config.batch, pool);
  // Training keeps conv, BN and ReLU outputs (x 3) and a gradient at a time; inference (batch norm folded)
  // keeps about one and a half outputs per layer.
  const training = batch * act * 4 * F32;
  const inference = INFERENCE_IMAGES * act * 1.5 * F32;
  const params = layersOf(spec).reduce((n, l) => n + (l.kind === 'conv' ? l.k * l.k * l.inC * l.outC + 4 * l.outC : l.inF * l.outF + l.outF), 0);
  const weights = params * F32 * 5; // weights, momentum, gradients, the initial and the fused copies
  const tensors = (Math.max(training, inference) + weights + INFERENCE_IMAGES * imageBytes * F32) * HEAP_MARGIN;
  const kcenter = config.metric === 'kcenter' ? pool * (featureWidth(spec) + 1) * F32 : 0;
  const selection = pool * (dataset.classes + 1) * F32 + kcenter;
  return { pixels, tensors, selection, total: BASE_BYTES + pixels + tensors + selection };
}

/**
 * What a browser is likely to give a worker before the tab is killed: a quarter of the device memory the
 * browser reports (navigator.deviceMemory, rounded and capped at 8 GB by Chrome), within 0.5-4 GiB (a
 * wasm heap cannot pass 4 GiB); 2 GiB where the browser does not say.
 */
export function likelyLimit(deviceMemoryGb: number | undefined): number {
  if (!deviceMemoryGb || !Number.isFinite(deviceMemoryGb)) return 2 * 2 ** 30;
  return Math.min(4 * 2 ** 30, Math.max(2 ** 29, (deviceMemoryGb * 2 ** 30) / 4));
}

