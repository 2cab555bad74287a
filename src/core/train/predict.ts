/**
 * Inference over many images in batches (inference-mode batch norm): class probabilities, optional
 * penultimate features, and accuracy. Every batch is read back asynchronously; no tensor outlives a batch.
 */
import * as tf from '@tensorflow/tfjs-core';
import { forward } from '../models/forward.ts';
import { featureWidth } from '../models/spec.ts';
import type { BatchSource } from './batchSource.ts';
import { reportInference } from './inferenceProgress.ts';
import type { Network } from './network.ts';

export interface Predictions {
  /** n x numClasses softmax probabilities. */
  probs: Float32Array;
  /** n x featureWidth penultimate features, when asked for. */
  features?: Float32Array;
  featureWidth: number;
}

export const INFERENCE_BATCH = 256;

export interface PredictOptions {
  features?: boolean;
  /** Per batch on the backend: a score per image computed from the probabilities (e.g. uncertainty). */
  score?: (probs: tf.Tensor2D) => tf.Tensor1D;
  batchSize?: number;
  /** Checked between batches. */
  cancelled?: () => boolean;
  /** What the pass is for, in progress reports (inferenceProgress.ts): 'evaluating' unless told. */
  phase?: 'evaluating' | 'scoring';
}

export interface PredictResult extends Predictions {
  scores?: Float32Array;
}

export async function predict(net: Network, source: BatchSource, indices: ArrayLike<number>, options: PredictOptions = {}): Promise<PredictResult> {
  const n = indices.length;
  const k = source.numClasses;
  const size = options.batchSize ?? INFERENCE_BATCH;
  const width = featureWidth(net.spec);
  const probs = new Float32Array(n * k);
  const features = options.features ? new Float32Array(n * width) : undefined;
  const scores = options.score ? new Float32Array(n) : undefined;
  const [h, w, c] = [source.height, source.width, source.channels];
  const phase = options.phase ?? 'evaluating';
  reportInference(phase, 0, n);
  for (let start = 0; start < n; start += size) {
    if (options.cancelled?.()) throw new CancelledError();
    const idx = Array.from({ length: Math.min(size, n - start) }, (_, i) => indices[start + i]!);
    const outs = tf.tidy(() => {
      const x = tf.tensor4d(source.pixels(idx), [idx.length, h, w, c]);
      const out = forward(net.spec, net.params, x, false);
      const p = tf.softmax(out.logits);
      return [p, ...(features ? [out.features] : []), ...(options.score ? [options.score(p)] : [])];
    });
    const data = await Promise.all(outs.map((t) => t.data() as Promise<Float32Array>));
    outs.forEach((t) => t.dispose());
    probs.set(data[0]!, start * k);
    let next = 1;
    if (features) features.set(data[next++]!, start * width);
    if (scores) scores.set(data[next]!, start);
    reportInference(phase, Math.min(n, start + size), n);
  }
  return { probs, featureWidth: width, ...(features ? { features } : {}), ...(scores ? { scores } : {}) };
}

const argmax = (probs: Float32Array, row: number, k: number): number => {
  let best = 0;
  for (let j = 1; j < k; j++) if (probs[row * k + j]! > probs[row * k + best]!) best = j;
  return best;
};

export function accuracyOf(probs: Float32Array, numClasses: number, labels: ArrayLike<number>): number {
  const n = labels.length;
  if (n === 0) return Number.NaN;
  let correct = 0;
  for (let i = 0; i < n; i++) if (argmax(probs, i, numClasses) === labels[i]) correct++;
  return correct / n;
}

/** Counts of (true class, predicted class), row-major: confusion[t * numClasses + p]. */
export function confusionOf(probs: Float32Array, numClasses: number, labels: ArrayLike<number>): number[] {
  const counts = new Array<number>(numClasses * numClasses).fill(0);
  for (let i = 0; i < labels.length; i++) counts[labels[i]! * numClasses + argmax(probs, i, numClasses)]!++;
  return counts;
}

export interface Assessment {
  accuracy: number;
  /** See confusionOf. */
  confusion: number[];
}

/** Accuracy and confusion matrix of `net` on the images at `indices`. */
export async function assess(net: Network, source: BatchSource, indices: ArrayLike<number>, cancelled?: () => boolean): Promise<Assessment> {
  const { probs } = await predict(net, source, indices, cancelled ? { cancelled } : {});
  const labels = Array.from(indices, (i) => source.labels[i]!);
  return { accuracy: accuracyOf(probs, source.numClasses, labels), confusion: confusionOf(probs, source.numClasses, labels) };
}

export async function evaluate(net: Network, source: BatchSource, indices: ArrayLike<number>, cancelled?: () => boolean): Promise<number> {
  return (await assess(net, source, indices, cancelled)).accuracy;
}

export class CancelledError extends Error {
  constructor() {
    super('the run was cancelled');
    this.name = 'CancelledError';
  }
}
