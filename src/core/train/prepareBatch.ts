/**
 * A training batch as the trainer makes it, on the host's CPU: the images' normalised pixels from the batch
 * source, crop + flip augmentation in place (with a stream), and the two tensors a step reads. The caller
 * disposes them. The benchmark (benchStep.ts) times this to report the share of a step spent outside kernels.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { Rng } from '../rng.ts';
import { augmentBatch } from './augment.ts';
import type { BatchSource } from './batchSource.ts';

export interface PreparedBatch {
  x: tf.Tensor4D;
  labels: tf.Tensor1D;
}

/** Throws a RangeError naming the first image without a label (one the oracle was not asked for). */
export function prepareBatch(source: BatchSource, indices: readonly number[], augmentRng?: Rng): PreparedBatch {
  const unlabelled = indices.find((i) => !(source.labels[i]! >= 0));
  if (unlabelled !== undefined) throw new RangeError(`training image ${unlabelled} has no label (the oracle was not asked for it)`);
  const [h, w, c] = [source.height, source.width, source.channels];
  const pixels = source.pixels(indices);
  if (augmentRng) augmentBatch(pixels, indices.length, h, w, c, augmentRng);
  const x = tf.tensor4d(pixels, [indices.length, h, w, c]);
  const labels = tf.tensor1d(indices.map((i) => source.labels[i]!), 'int32');
  return { x, labels };
}
