import { describe, expect, it } from 'vitest';
import { syntheticDataset } from '../../testing/syntheticDataset.ts';
import { rng } from '../rng.ts';
import { prepareExperimentData } from './experimentData.ts';
import { splitExperiment } from './experimentSplit.ts';

describe('splitExperiment', () => {
  it('draws the split recorded runs were drawn with (pinned: the output of the code before it moved here)', () => {
    const withTest = splitExperiment({ train: 60, test: 30 }, { pool: 12, test: 5 }, rng(3));
    expect(Array.from(withTest.pool)).toEqual([3, 13, 28, 39, 1, 56, 18, 25, 14, 42, 59, 0]);
    expect(withTest.test).toEqual({ split: 'test', indices: Int32Array.from([7, 22, 2, 19, 25]) });
    const holdout = splitExperiment({ train: 60 }, { pool: 12, test: 5 }, rng(3));
    expect(Array.from(holdout.pool)).toEqual([12, 49, 9, 43, 13, 34, 30, 32, 6, 22, 59, 56]);
    expect(holdout.test).toEqual({ split: 'train', indices: Int32Array.from([37, 24, 52, 38, 53]) });
  });

  it('is the split prepareExperimentData uses: the same pool and the same test labels', () => {
    const dataset = syntheticDataset({ train: 60, test: 30, size: 2 });
    dataset.test!.labels = Int32Array.from({ length: 30 }, (_, i) => (i * 7) % 4);
    const data = prepareExperimentData(dataset, { pool: 40, test: 12 }, rng(3));
    const split = splitExperiment({ train: 60, test: 30 }, { pool: 40, test: 12 }, rng(3));
    expect(Array.from(split.pool)).toEqual(Array.from(data.poolDatasetIndex));
    expect(split.test.split).toBe('test');
    const testLabels = Array.from(data.test, (i) => data.source.labels[i]);
    expect(Array.from(split.test.indices, (i) => dataset.test!.labels[i])).toEqual(testLabels);
  });

  it('without a test split, holds out part of the training split, disjoint from the pool', () => {
    const split = splitExperiment({ train: 60 }, { pool: 0, test: 10 }, rng(1));
    expect(split.test.split).toBe('train');
    expect(split.test.indices.length).toBe(10);
    expect(split.pool.length).toBe(50);
    const test = new Set(split.test.indices);
    expect(Array.from(split.pool).some((i) => test.has(i))).toBe(false);
  });

  it('depends on the seed', () => {
    const a = splitExperiment({ train: 50, test: 50 }, { pool: 10, test: 10 }, rng(1));
    const b = splitExperiment({ train: 50, test: 50 }, { pool: 10, test: 10 }, rng(2));
    expect(Array.from(a.pool)).not.toEqual(Array.from(b.pool));
  });
});
