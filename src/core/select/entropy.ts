import * as tf from '@tensorflow/tfjs-core';
import type { UncertaintyStrategy } from './strategy.ts';

/** Predictive entropy: -sum_c p log p (0 log 0 taken as 0). */
export const entropy: UncertaintyStrategy = {
  id: 'entropy',
  label: 'Entropy',
  kind: 'uncertainty',
  score: (probs) => tf.neg(tf.sum(tf.mul(probs, tf.log(tf.maximum(probs, 1e-12))), 1)),
};
