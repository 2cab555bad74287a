/**
 * A selection strategy picks which unlabelled images to label next. Three kinds:
 * - uncertainty: a score per image computed on the backend from the selector's class probabilities;
 *   the k highest scores are chosen (ties to the earlier pool position);
 * - features: a ranking over the selector's penultimate features (k-center greedy);
 * - random: no model needed.
 */
import type * as tf from '@tensorflow/tfjs-core';
import type { Rng } from '../rng.ts';

interface Described {
  id: string;
  /** Shown in the lab. */
  label: string;
}

export interface UncertaintyStrategy extends Described {
  kind: 'uncertainty';
  /** Higher = more informative. Runs inside tf.tidy on a batch of probabilities [n, classes]. */
  score(probs: tf.Tensor2D): tf.Tensor1D;
}

export interface FeatureStrategy extends Described {
  kind: 'features';
  /**
   * Chooses k of the candidates. `features` holds (labelled.length + candidates) rows of `dim` values:
   * the labelled images first (the initial centers), then the candidates. Returns candidate positions;
   * `scores`, when given, receives the score of each pick.
   */
  rank(features: Float32Array, dim: number, labeled: number, candidates: number, k: number, scores?: Float64Array): Int32Array;
}

export interface RandomStrategy extends Described {
  kind: 'random';
  /** k distinct positions in [0, candidates). */
  pick(candidates: number, k: number, rng: Rng): Int32Array;
}

export type SelectionStrategy = UncertaintyStrategy | FeatureStrategy | RandomStrategy;
