import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { gzip } from '../compression.ts';
import { readDataset } from '../registry.ts';
import { cifar100Bytes, cifar10Bytes, pixelOf, tarBytes } from '../../../testing/dataFixtures.ts';
import type { ImageSet } from '../types.ts';
import { classCounts } from './format.ts';

const ascii = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0));

/** Pixel (channel c, plane position p) of image i in an HWC set. */
const hwc = (set: ImageSet, i: number, c: number, p: number) => set.images[i * 3072 + p * 3 + c];

describe('CIFAR-10 binary batches', () => {
  it('reads loose batches in batch order, converts planes to HWC and takes test_batch as test', async () => {
    const dataset = await readDataset([
      { name: 'test_batch.bin', bytes: cifar10Bytes(3, [9, 8, 7]) },
      { name: 'data_batch_2.bin', bytes: cifar10Bytes(2, [5, 5]) },
      { name: 'data_batch_1.bin', bytes: cifar10Bytes(4) },
    ]);
    expect(dataset.name).toBe('CIFAR-10');
    expect(dataset.classes[0]).toBe('airplane');
    expect(dataset.train).toMatchObject({ count: 6, height: 32, width: 32, channels: 3 });
    expect([...dataset.train.labels]).toEqual([0, 1, 2, 3, 5, 5]);
    expect([...dataset.test!.labels]).toEqual([9, 8, 7]);
    for (const [i, c, p] of [[0, 0, 0], [2, 1, 517], [3, 2, 1023]] as const) {
      expect(hwc(dataset.train, i, c, p)).toBe(pixelOf(i, c, p));
    }
    // data_batch_2's first record (its own index 0) lands at image 4.
    expect(hwc(dataset.train, 4, 1, 33)).toBe(pixelOf(0, 1, 33));
    expect(dataset.id).toMatch(/^cifar-10-[0-9a-f]{8}$/);
  });

  it('takes class names from batches.meta.txt when given', async () => {
    const names = 'a\nb\nc\nd\ne\nf\ng\nh\ni\nj\n';
    const dataset = await readDataset([
      { name: 'data_batch_1.bin', bytes: cifar10Bytes(2) },
      { name: 'batches.meta.txt', bytes: ascii(names) },
    ]);
    expect(dataset.classes).toEqual(names.trim().split('\n'));
    await expect(
      readDataset([{ name: 'data_batch_1.bin', bytes: cifar10Bytes(2) }, { name: 'batches.meta.txt', bytes: ascii('a\nb\n') }]),
    ).rejects.toThrow(/^batches\.meta\.txt: 2 class names, expected 10/);
  });

  it('gives the same id for the same content as .bin, .bin.gz and inside a .tar.gz', async () => {
    const bytes = cifar10Bytes(5);
    const raw = await readDataset([{ name: 'data_batch_1.bin', bytes }]);
    const gz = await readDataset([{ name: 'data_batch_1.bin.gz', bytes: await gzip(bytes) }]);
    expect(gz.id).toBe(raw.id);
    const changed = bytes.slice();
    changed[100]! ^= 1;
    expect((await readDataset([{ name: 'data_batch_1.bin', bytes: changed }])).id).not.toBe(raw.id);
  });

  it('reads a .gz that a server already inflated (no gzip magic) as the raw file', async () => {
    const dataset = await readDataset([{ name: 'data_batch_1.bin.gz', bytes: cifar10Bytes(2) }]);
    expect(dataset.train.count).toBe(2);
  });

  it('reads the distributed cifar-10-binary.tar.gz layout', async () => {
    const members = [1, 2, 3, 4, 5].map((n) => ({ path: `cifar-10-batches-bin/data_batch_${n}.bin`, bytes: cifar10Bytes(2, [n, n]) }));
    const tar = tarBytes([
      { path: 'cifar-10-batches-bin/' },
      { path: 'cifar-10-batches-bin/batches.meta.txt', bytes: ascii(`${'abcdefghij'.split('').join('\n')}\n`) },
      ...members.reverse(),
      { path: 'cifar-10-batches-bin/test_batch.bin', bytes: cifar10Bytes(3) },
      { path: 'cifar-10-batches-bin/readme.html', bytes: ascii('<html>') },
    ]);
    const dataset = await readDataset([{ name: 'cifar-10-binary.tar.gz', bytes: await gzip(tar) }]);
    expect([...dataset.train.labels]).toEqual([1, 1, 2, 2, 3, 3, 4, 4, 5, 5]);
    expect(dataset.test!.count).toBe(3);
    expect(dataset.classes[9]).toBe('j');
    expect(dataset.provenance).toContain('cifar-10-binary.tar.gz/cifar-10-batches-bin/data_batch_1.bin');
  });

  it('names the file and the problem for a batch one kilobyte short', async () => {
    await expect(readDataset([{ name: 'data_batch_1.bin', bytes: new Uint8Array(30_729_000) }])).rejects.toThrow(
      'data_batch_1.bin: truncated: 30,729,000 bytes is not a multiple of the 3,073-byte CIFAR-10 record',
    );
  });

  it('refuses the same batch twice and a test batch alone', async () => {
    const bytes = cifar10Bytes(1);
    await expect(
      readDataset([{ name: 'a/data_batch_1.bin', bytes }, { name: 'b/data_batch_1.bin.gz', bytes: await gzip(bytes) }]),
    ).rejects.toThrow(/^b\/data_batch_1\.bin\.gz: the same batch as a\/data_batch_1\.bin given twice/);
    await expect(readDataset([{ name: 'test_batch.bin', bytes }])).rejects.toThrow(/^test_batch\.bin: no CIFAR-10 training batch/);
  });

  it('classifies other .bin names by record size', async () => {
    const dataset = await readDataset([
      { name: 'my-subset.bin', bytes: cifar10Bytes(2) },
      { name: 'my-test.bin', bytes: cifar10Bytes(1) },
    ]);
    expect(dataset.train.count).toBe(2);
    expect(dataset.test!.count).toBe(1);
    await expect(readDataset([{ name: 'x.bin', bytes: new Uint8Array(100) }])).rejects.toThrow(
      /^x\.bin: not a CIFAR batch: 100 bytes is a multiple of neither/,
    );
  });
});

describe('CIFAR-100 binary', () => {
  it('uses fine labels, keeps coarse labels and reads the archive name files', async () => {
    const fine = fineNames();
    const tar = tarBytes([
      { path: 'cifar-100-binary/train.bin', bytes: cifar100Bytes(120) },
      { path: 'cifar-100-binary/test.bin', bytes: cifar100Bytes(3) },
      { path: 'cifar-100-binary/fine_label_names.txt', bytes: ascii(fine.join('\n')) },
    ]);
    const dataset = await readDataset([{ name: 'cifar-100-binary.tar.gz', bytes: await gzip(tar) }]);
    expect(dataset.name).toBe('CIFAR-100');
    expect(dataset.classes).toEqual(fine);
    expect(dataset.coarseClasses).toHaveLength(20);
    expect(dataset.coarseClasses![19]).toBe('vehicles_2');
    expect(dataset.train.labels[105]).toBe(5);
    expect(dataset.train.coarseLabels![105]).toBe(5);
    expect(dataset.train.labels[119]).toBe(19);
    expect(hwc(dataset.train, 7, 2, 99)).toBe(pixelOf(7, 2, 99));
    expect(dataset.test!.count).toBe(3);
  });

  it('says which member a CIFAR-100 archive lacks', async () => {
    const tar = tarBytes([{ path: 'cifar-100-binary/train.bin', bytes: cifar100Bytes(2) }]);
    await expect(readDataset([{ name: 'cifar-100-binary.tar.gz', bytes: await gzip(tar) }])).rejects.toThrow(
      /^cifar-100-binary\.tar\.gz: missing member cifar-100-binary\/test\.bin/,
    );
  });
});

function fineNames(): string[] {
  return Array.from({ length: 100 }, (_, i) => `class${i}`);
}

const realBatch = fileURLToPath(new URL('../../../../../shared/data/cifar-10-batches-bin-jpegsrc/data_batch_1.bin.gz', import.meta.url));
const haveReal = existsSync(realBatch);
if (!haveReal) console.warn(`skipping the real CIFAR-10 batch test: ${realBatch} is absent`);

describe('the real CIFAR-10 batch (JPEG rebuild in ../shared/data)', () => {
  it.skipIf(!haveReal)('reads 10,000 records with the official first labels and class balance', async () => {
    const bytes = new Uint8Array(readFileSync(realBatch));
    const dataset = await readDataset([{ name: 'data_batch_1.bin.gz', bytes }]);
    expect(dataset.train.count).toBe(10_000);
    expect([...dataset.train.labels.subarray(0, 5)]).toEqual([6, 9, 9, 4, 1]);
    expect(classCounts(dataset.train, 10)).toEqual([1005, 974, 1032, 1016, 999, 937, 1030, 1001, 1025, 981]);
    expect(dataset.test).toBeUndefined();
    // The pixels match an independent inflate (zlib) of the same file, planes -> HWC.
    const raw = gunzipSync(bytes);
    for (const i of [0, 5000, 9999]) {
      expect(raw[i * 3073]).toBe(dataset.train.labels[i]);
      for (const p of [0, 511, 1023]) {
        for (let c = 0; c < 3; c++) expect(hwc(dataset.train, i, c, p)).toBe(raw[i * 3073 + 1 + c * 1024 + p]);
      }
    }
  });
});
