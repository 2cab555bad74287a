import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../core/config/runConfig.ts';
import { estimateWorkerMemory, likelyLimit } from './memoryEstimate.ts';
import type { DatasetEntry } from './types.ts';

const MiB = 2 ** 20;
const cifar10: DatasetEntry = {
  id: 'cifar-10-full', datasetId: 'cifar-10-full', name: 'CIFAR-10', source: 'imported', classes: 10,
  counts: { train: 50_000, test: 10_000 }, imageShape: [32, 32, 3], bytes: 60_000 * 3073,
};

describe('estimateWorkerMemory', () => {
  it('puts a full CIFAR-10 pool on resnet20 near the heap measured for issue 15 (360-445 MiB of tensors and pixels, ~1.5 GB page)', () => {
    const e = estimateWorkerMemory({ ...defaultConfig(), pool: 0, test: 0 }, cifar10);
    expect(e.pixels / MiB).toBeGreaterThan(300); // the dataset and the engine's pool and test copies
    expect(e.total / MiB).toBeGreaterThan(360);
    expect(e.total / MiB).toBeLessThan(1600);
  });

  it('grows with the pool, the batch and the model', () => {
    const base = { ...defaultConfig(), pool: 2000, test: 500, batch: 64 };
    const at = (c: Partial<typeof base>) => estimateWorkerMemory({ ...base, ...c }, cifar10).total;
    expect(at({ pool: 20_000 })).toBeGreaterThan(at({}));
    expect(at({ batch: 256 })).toBeGreaterThan(at({}));
    expect(at({ model: 'resnet110' })).toBeGreaterThan(at({}));
  });
});

describe('likelyLimit', () => {
  it('is a quarter of the reported device memory within 0.5-4 GiB, and 2 GiB when the browser does not say', () => {
    expect(likelyLimit(8)).toBe(2 * 2 ** 30);
    expect(likelyLimit(0.5)).toBe(2 ** 29);
    expect(likelyLimit(64)).toBe(4 * 2 ** 30);
    expect(likelyLimit(undefined)).toBe(2 * 2 ** 30);
  });
});
