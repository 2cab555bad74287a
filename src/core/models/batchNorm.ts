/**
 * Batch normalisation over NHWC activations. Inference mode uses the running statistics; training mode
 * normalises with the batch's own mean and (biased) variance and returns them so the trainer can update
 * the running statistics (PyTorch's convention: momentum 0.1, unbiased variance in the running value).
 */
import * as tf from '@tensorflow/tfjs-core';

export const BN_EPSILON = 1e-5;

export interface BatchMoments {
  mean: tf.Tensor1D;
  variance: tf.Tensor1D;
}

export function batchNormInference(
  x: tf.Tensor4D, mean: tf.Tensor, variance: tf.Tensor, gamma: tf.Tensor, beta: tf.Tensor,
): tf.Tensor4D {
  return tf.batchNorm4d(x, mean as tf.Tensor1D, variance as tf.Tensor1D, beta as tf.Tensor1D, gamma as tf.Tensor1D, BN_EPSILON);
}

export function batchNormTraining(
  x: tf.Tensor4D, gamma: tf.Tensor, beta: tf.Tensor,
): { y: tf.Tensor4D; moments: BatchMoments } {
  const { mean, variance } = tf.moments(x, [0, 1, 2]);
  const y = tf.batchNorm4d(x, mean as tf.Tensor1D, variance as tf.Tensor1D, beta as tf.Tensor1D, gamma as tf.Tensor1D, BN_EPSILON);
  return { y, moments: { mean: mean as tf.Tensor1D, variance: variance as tf.Tensor1D } };
}
