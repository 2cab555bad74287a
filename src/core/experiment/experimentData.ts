/**
 * The data of one experiment: the unlabelled pool and the test set, drawn once from the dataset with the
 * run's seed and shared by every method. Pool and test images are copied into their own uint8 sets;
 * normalisation statistics come from the pool. The batch source numbers the pool 0..pool-1 and the test
 * images after it. The pool's labels start unknown: the run learns them from its oracle as it labels.
 */
import { channelStats, toFloatBatch } from '../data/stats.ts';
import type { Dataset, ImageSet } from '../data/types.ts';
import type { Rng } from '../rng.ts';
import type { BatchSource } from '../train/batchSource.ts';
import { splitExperiment } from './experimentSplit.ts';
import { UNKNOWN_LABEL } from './oracle.ts';

export interface ExperimentData {
  source: BatchSource;
  /** Source indices of the pool images (0..pool-1). */
  pool: Int32Array;
  /** The dataset's own (training-split) index of each pool image: pool position -> dataset index. */
  poolDatasetIndex: Int32Array;
  /** Source indices of the test images. */
  test: Int32Array;
  inputShape: [number, number, number];
  numClasses: number;
}

function subset(set: ImageSet, indices: Int32Array): ImageSet {
  const size = set.height * set.width * set.channels;
  const images = new Uint8Array(indices.length * size);
  indices.forEach((i, k) => images.set(set.images.subarray(i * size, (i + 1) * size), k * size));
  return { ...set, images, labels: Int32Array.from(indices, (i) => set.labels[i]!), count: indices.length };
}

/** `pool` and `test` cap the sizes (0 = all). Without a test split, the test set is carved from the train split. */
export function prepareExperimentData(dataset: Dataset, caps: { pool: number; test: number }, rng: Rng): ExperimentData {
  const train = dataset.train;
  const split = splitExperiment({ train: train.count, ...(dataset.test ? { test: dataset.test.count } : {}) }, caps, rng);
  const poolIdx = split.pool;
  const testSet = subset(split.test.split === 'test' ? dataset.test! : train, split.test.indices);
  if (poolIdx.length < 10) throw new RangeError(`the pool needs at least 10 images, got ${poolIdx.length}`);
  if (testSet.count < 1) throw new RangeError('the test set is empty');
  const poolSet = subset(train, poolIdx);
  const stats = channelStats(poolSet);
  const nPool = poolSet.count;
  const labels = new Int32Array(nPool + testSet.count);
  // Pool labels are unknown until the oracle gives them (core/experiment/oracle.ts); test labels are known.
  labels.fill(UNKNOWN_LABEL, 0, nPool);
  labels.set(testSet.labels, nPool);
  const source: BatchSource = {
    height: train.height,
    width: train.width,
    channels: train.channels,
    numClasses: dataset.classes.length,
    labels,
    pixels(indices) {
      const all = Array.from(indices);
      if (all.every((i) => i < nPool)) return toFloatBatch(poolSet, all, stats);
      if (all.every((i) => i >= nPool)) return toFloatBatch(testSet, all.map((i) => i - nPool), stats);
      throw new RangeError('a batch mixes pool and test images');
    },
  };
  return {
    source,
    pool: Int32Array.from({ length: nPool }, (_, i) => i),
    poolDatasetIndex: poolIdx,
    test: Int32Array.from({ length: testSet.count }, (_, i) => nPool + i),
    inputShape: [train.height, train.width, train.channels],
    numClasses: dataset.classes.length,
  };
}
