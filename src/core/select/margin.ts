import * as tf from '@tensorflow/tfjs-core';
import type { UncertaintyStrategy } from './strategy.ts';

/** Margin: a small gap between the two most probable classes is informative; score = -(p1 - p2). */
export const margin: UncertaintyStrategy = {
  id: 'margin',
  label: 'Margin',
  kind: 'uncertainty',
  score: (probs) => {
    const { values } = tf.topk(probs, 2);
    const [p1, p2] = tf.split(values, 2, 1) as [tf.Tensor2D, tf.Tensor2D];
    return tf.reshape(tf.sub(p2, p1), [-1]) as tf.Tensor1D;
  },
};
