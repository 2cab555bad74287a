/**
 * One training step: forward in training mode, loss, gradients of every trainable variable, the SGD
 * update, and the batch-norm running statistics (momentum 0.1, unbiased batch variance, as PyTorch).
 * Returns the loss and the number of correctly classified images as scalar tensors the caller reads
 * asynchronously (batched) and disposes; nothing else survives the step.
 *
 * Needs tfjs's gradient functions registered, which tfjs-core leaves to the host: the worker and the
 * unit tests import '@tensorflow/tfjs-core/dist/register_all_gradients', Node imports '@tensorflow/tfjs'.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { BatchMoments } from '../models/batchNorm.ts';
import { forward } from '../models/forward.ts';
import { bnKey } from '../models/weights.ts';
import { crossEntropy, distillationLoss, type KdOptions } from './loss.ts';
import type { Network } from './network.ts';
import type { Sgd } from './sgd.ts';

export const BN_MOMENTUM = 0.1;

export interface Batch {
  /** Normalised images, NHWC. */
  x: tf.Tensor4D;
  labels: tf.Tensor1D;
  /** Teacher logits for knowledge distillation (with `kd`). */
  teacher?: tf.Tensor2D;
}

export interface StepResult {
  loss: tf.Scalar;
  correct: tf.Scalar;
}

export function trainStep(net: Network, sgd: Sgd, batch: Batch, lr: number, kd?: KdOptions): StepResult {
  let moments: Record<string, BatchMoments> = {};
  let correct: tf.Scalar | undefined;
  const { value, grads } = tf.variableGrads(() => {
    const out = forward(net.spec, net.params, batch.x, true);
    moments = out.moments;
    for (const m of Object.values(moments)) tf.keep(m.mean), tf.keep(m.variance);
    correct = tf.keep(tf.sum(tf.cast(tf.equal(tf.argMax(out.logits, 1), batch.labels), 'float32')));
    return kd && batch.teacher ? distillationLoss(out.logits, batch.teacher, batch.labels, kd) : crossEntropy(out.logits, batch.labels);
  }, Object.values(net.trainable));
  const named: Record<string, tf.Tensor> = {};
  for (const [name, v] of Object.entries(net.trainable)) named[name] = grads[v.name]!;
  sgd.apply(net.trainable, named, lr);
  const n = batch.x.shape[0] * batch.x.shape[1] * batch.x.shape[2];
  const unbias = n > 1 ? n / (n - 1) : 1;
  tf.tidy(() => {
    for (const [layer, m] of Object.entries(moments)) {
      const mean = net.stats[bnKey(layer, 'mean')]!;
      const variance = net.stats[bnKey(layer, 'variance')]!;
      mean.assign(tf.add(tf.mul(mean, 1 - BN_MOMENTUM), tf.mul(m.mean, BN_MOMENTUM)));
      variance.assign(tf.add(tf.mul(variance, 1 - BN_MOMENTUM), tf.mul(m.variance, BN_MOMENTUM * unbias)));
    }
  });
  for (const m of Object.values(moments)) m.mean.dispose(), m.variance.dispose();
  for (const g of Object.values(grads)) g.dispose();
  return { loss: value, correct: correct! };
}
