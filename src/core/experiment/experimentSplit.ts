/**
 * Which of a dataset's images an experiment uses: the unlabelled pool (training-split indices) and the test
 * set (indices into the test split, or, for a dataset without one, a held-out part of the training split).
 * Drawn from the run's seed alone, so a page can find the test set of a recorded run without running it.
 */
import type { Rng } from '../rng.ts';

export interface ExperimentSplit {
  /** Training-split indices of the pool images, in pool order. */
  pool: Int32Array;
  /** Where the test images come from and their indices there, in test order. */
  test: { split: 'test' | 'train'; indices: Int32Array };
}

const first = (perm: Int32Array, cap: number): Int32Array => (cap > 0 && cap < perm.length ? perm.slice(0, cap) : perm);

/** `pool` and `test` cap the sizes (0 = all). Without a test split, the test set is carved from the train split. */
export function splitExperiment(counts: { train: number; test?: number }, caps: { pool: number; test: number }, rng: Rng): ExperimentSplit {
  if (counts.test !== undefined) {
    return {
      pool: first(rng.fork('split/pool').permutation(counts.train), caps.pool),
      test: { split: 'test', indices: first(rng.fork('split/test').permutation(counts.test), caps.test) },
    };
  }
  const perm = rng.fork('split/holdout').permutation(counts.train);
  const nTest = Math.min(caps.test > 0 ? caps.test : Math.round(counts.train / 6), Math.floor(counts.train / 2));
  return { pool: first(perm.slice(nTest), caps.pool), test: { split: 'train', indices: perm.slice(0, nTest) } };
}
