import * as tf from '@tensorflow/tfjs-core';
import type { UncertaintyStrategy } from './strategy.ts';

/** Least confidence: 1 - max_c p(c | x). */
export const leastConfidence: UncertaintyStrategy = {
  id: 'lc',
  label: 'Least confidence',
  kind: 'uncertainty',
  score: (probs) => tf.sub(1, tf.max(probs, 1)),
};
