import { describe, expect, it } from 'vitest';
import { syntheticDataset } from '../../testing/syntheticDataset.ts';
import { rng } from '../rng.ts';
import { prepareExperimentData } from './experimentData.ts';
import { splitExperiment } from './experimentSplit.ts';

describe('splitExperiment', () => {
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
