import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { findEmbedded, loadEmbeddedDataset, parseManifest, readManifest, type FetchBytes } from './embedded.ts';
import { classCounts } from './formats/format.ts';
import { DatasetError } from './types.ts';

const dataDir = fileURLToPath(new URL('../../../public/data/', import.meta.url));
const haveData = existsSync(`${dataDir}manifest.json`);
if (!haveData) console.warn(`skipping embedded-dataset tests: run 'npx tsx scripts/build-embedded-data.ts' (no ${dataDir}manifest.json)`);

const fromDisk: FetchBytes = async (path) => new Uint8Array(readFileSync(dataDir + path));
const text = (s: string) => new TextEncoder().encode(s);

describe('embedded datasets', () => {
  it.skipIf(!haveData)('lists both subsets with counts that fit ~25 MB', async () => {
    const manifest = await readManifest(fromDisk);
    expect(manifest.datasets.map((d) => d.id)).toEqual(['cifar10-subset', 'fashion-mnist-subset']);
    const bytes = manifest.datasets.flatMap((d) => d.files).reduce((a, f) => a + f.bytes, 0);
    expect(bytes).toBeLessThan(25e6);
    for (const d of manifest.datasets) {
      expect(d.counts).toEqual({ train: 5000, test: 1000 });
      expect(d.provenance.length).toBeGreaterThan(50);
    }
    expect(findEmbedded(manifest, manifest.datasets[1]!.datasetId)?.id).toBe('fashion-mnist-subset');
  });

  it.skipIf(!haveData)('loads the CIFAR-10 subset: first labels of data_batch_1 and test_batch, id checked', async () => {
    const dataset = await loadEmbeddedDataset('cifar10-subset', fromDisk);
    const entry = findEmbedded(await readManifest(fromDisk), 'cifar10-subset')!;
    expect(dataset.id).toBe(entry.datasetId);
    expect(dataset.name).toBe('CIFAR-10 subset');
    expect(dataset.train).toMatchObject({ count: 5000, height: 32, width: 32, channels: 3 });
    expect([...dataset.train.labels.subarray(0, 5)]).toEqual([6, 9, 9, 4, 1]);
    expect([...dataset.test!.labels.subarray(0, 5)]).toEqual([3, 8, 8, 0, 6]);
    expect(classCounts(dataset.train, 10)).toEqual(entry.classCounts.train);
    expect(dataset.provenance).toMatch(/JPEG/);
  });

  it.skipIf(!haveData)('loads the Fashion-MNIST subset', async () => {
    const dataset = await loadEmbeddedDataset('fashion-mnist-subset', fromDisk);
    expect(dataset.classes[0]).toBe('T-shirt/top');
    expect(dataset.train).toMatchObject({ count: 5000, height: 28, width: 28, channels: 1 });
    expect(dataset.test!.count).toBe(1000);
    // Fashion-MNIST's first training label is 9 (ankle boot), its first test label 9 as well.
    expect(dataset.train.labels[0]).toBe(9);
    expect(dataset.test!.labels[0]).toBe(9);
  });

  it.skipIf(!haveData)('refuses changed files, unknown ids and failed fetches', async () => {
    const tampered: FetchBytes = async (path) => {
      const bytes = await fromDisk(path);
      if (path.endsWith('test_batch.bin')) bytes[5000]! ^= 1;
      return bytes;
    };
    await expect(loadEmbeddedDataset('cifar10-subset', tampered)).rejects.toThrow(
      /^cifar10-subset: content id cifar10-subset-[0-9a-f]{8} differs from the manifest's/,
    );
    await expect(loadEmbeddedDataset('mnist', fromDisk)).rejects.toThrow(/^mnist: no embedded dataset with this id \(embedded: cifar10-subset, fashion-mnist-subset\)/);
    const failing: FetchBytes = async (path) => {
      if (path !== 'manifest.json') throw new Error('HTTP 404');
      return fromDisk(path);
    };
    await expect(loadEmbeddedDataset('cifar10-subset', failing)).rejects.toThrow(
      /^cifar10-subset\/data_batch_1\.bin: could not be fetched: HTTP 404/,
    );
  });
});

describe('parseManifest', () => {
  it('refuses what is not a manifest', () => {
    expect(() => parseManifest(text('{oops'))).toThrow(DatasetError);
    expect(() => parseManifest(text('{oops'))).toThrow(/^manifest\.json: invalid manifest: not JSON/);
    expect(() => parseManifest(text('{"version": 2, "datasets": []}'))).toThrow(/expected \{"version": 1/);
    expect(() => parseManifest(text('{"version": 1, "datasets": [{"id": "x"}]}'))).toThrow(/dataset 0 lacks/);
    const escape = '{"version":1,"datasets":[{"id":"x","datasetId":"x-1","name":"x","files":[{"path":"../secret"}],"classes":[],"counts":{"train":1}}]}';
    expect(() => parseManifest(text(escape))).toThrow(/dataset 0 lacks/);
  });
});
