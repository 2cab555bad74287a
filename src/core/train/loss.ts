/**
 * Losses. Cross-entropy on integer labels, and the knowledge-distillation loss of PruneFuse (Hinton et
 * al. 2015): lambda * CE(student, y) + (1 - lambda) * T^2 * KL(softmax(teacher/T) || softmax(student/T)),
 * both averaged over the batch.
 */
import * as tf from '@tensorflow/tfjs-core';

export function crossEntropy(logits: tf.Tensor2D, labels: tf.Tensor1D): tf.Scalar {
  return tf.tidy(() => {
    const oneHot = tf.oneHot(labels, logits.shape[1]);
    return tf.neg(tf.mean(tf.sum(tf.mul(oneHot, tf.logSoftmax(logits)), 1)));
  });
}

export interface KdOptions {
  /** Weight of the cross-entropy term, in [0, 1]. */
  lambda: number;
  /** Softmax temperature, > 0. */
  temperature: number;
}

export function distillationLoss(student: tf.Tensor2D, teacher: tf.Tensor2D, labels: tf.Tensor1D, kd: KdOptions): tf.Scalar {
  return tf.tidy(() => {
    const t = kd.temperature;
    const logPs = tf.logSoftmax(tf.div(student, t));
    const logPt = tf.logSoftmax(tf.div(teacher, t));
    const kl = tf.mean(tf.sum(tf.mul(tf.exp(logPt), tf.sub(logPt, logPs)), 1));
    return tf.add(tf.mul(crossEntropy(student, labels), kd.lambda), tf.mul(kl, (1 - kd.lambda) * t * t)) as tf.Scalar;
  });
}
