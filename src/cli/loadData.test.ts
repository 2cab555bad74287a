import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { classCounts } from '../core/data/formats/format.ts';
import { cifar10Bytes, idxImages, idxLabels, tarBytes } from '../testing/dataFixtures.ts';
import { loadDataset } from './loadData.ts';

const realDir = fileURLToPath(new URL('../../../shared/data/cifar-10-batches-bin-jpegsrc/', import.meta.url));
const haveReal = existsSync(join(realDir, 'data_batch_1.bin.gz'));
if (!haveReal) console.warn(`skipping the real CIFAR-10 loader test: ${realDir} is absent`);
const haveEmbedded = existsSync(fileURLToPath(new URL('../../public/data/manifest.json', import.meta.url)));

const work = mkdtempSync(join(tmpdir(), 'loaddata-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function put(relative: string, bytes: Uint8Array): string {
  const path = join(work, relative);
  writeFileSync(path, bytes);
  return path;
}

describe('loadDataset', () => {
  it.skipIf(!haveReal)('loads the real data_batch_1.bin.gz with test_batch.bin.gz and batches.meta.txt beside it', async () => {
    const dataset = await loadDataset(join(realDir, 'data_batch_1.bin.gz'));
    expect(dataset.train.count).toBe(10_000);
    expect([...dataset.train.labels.subarray(0, 5)]).toEqual([6, 9, 9, 4, 1]);
    expect(dataset.test!.count).toBe(10_000);
    expect(classCounts(dataset.test!, 10)).toEqual(new Array(10).fill(1000));
    expect(dataset.classes).toEqual(
      readFileSync(join(realDir, 'batches.meta.txt'), 'utf8').split('\n').filter((l) => l.trim() !== ''),
    );
  });

  it('loads an IDX pair given as "images,labels" and a folder of train-/t10k- files', async () => {
    const images = put('imgs.idx3-ubyte.gz', gzipSync(idxImages(3, 2, 2)));
    const labels = put('lbls.idx1-ubyte.gz', gzipSync(idxLabels([4, 5, 6])));
    const pair = await loadDataset(`${images}, ${labels}`);
    expect([...pair.train.labels]).toEqual([4, 5, 6]);

    const dir = join(work, 'mnist');
    freshDir(dir);
    writeFileSync(join(dir, 'train-images-idx3-ubyte.gz'), gzipSync(idxImages(2, 2, 2)));
    writeFileSync(join(dir, 'train-labels-idx1-ubyte.gz'), gzipSync(idxLabels([1, 2])));
    writeFileSync(join(dir, 't10k-images-idx3-ubyte'), idxImages(1, 2, 2));
    writeFileSync(join(dir, 't10k-labels-idx1-ubyte'), idxLabels([3]));
    writeFileSync(join(dir, 'README'), 'not data');
    const folder = await loadDataset(dir);
    expect(folder.train.count).toBe(2);
    expect([...folder.test!.labels]).toEqual([3]);
  });

  it('loads a .tar.gz archive and a lone batch without a test split beside it', async () => {
    const members = ['data_batch_1.bin', 'data_batch_2.bin', 'data_batch_3.bin', 'data_batch_4.bin', 'data_batch_5.bin', 'test_batch.bin'];
    const tar = tarBytes(members.map((m) => ({ path: `cifar-10-batches-bin/${m}`, bytes: cifar10Bytes(1) })));
    const archive = await loadDataset(put('cifar-10-binary.tar.gz', gzipSync(tar)));
    expect(archive.train.count).toBe(5);
    expect(archive.test!.count).toBe(1);
    const lone = join(work, 'lone');
    freshDir(lone);
    writeFileSync(join(lone, 'data_batch_3.bin'), cifar10Bytes(2));
    const dataset = await loadDataset(join(lone, 'data_batch_3.bin'));
    expect(dataset.train.count).toBe(2);
    expect(dataset.test).toBeUndefined();
  });

  it.skipIf(!haveEmbedded)('loads an embedded dataset by id', async () => {
    const dataset = await loadDataset('fashion-mnist-subset');
    expect(dataset.id).toMatch(/^fashion-mnist-subset-[0-9a-f]{8}$/);
    expect(dataset.train.count).toBe(5000);
  });

  it('explains what it accepts when the spec is nothing it knows', async () => {
    await expect(loadDataset('no-such-dataset')).rejects.toThrow(
      /^no-such-dataset: no such file or folder, and not an embedded dataset id \(embedded: .*\)\. Give a CIFAR/,
    );
    await expect(loadDataset(`${join(work, 'missing.gz')},x`)).rejects.toThrow(/missing\.gz: no such file/);
    await expect(loadDataset(work)).rejects.toThrow(/no dataset files here/);
    const big = put('data_batch_1.bin', cifar10Bytes(3));
    await expect(loadDataset(big, { maxBytes: 1000 })).rejects.toThrow(/data_batch_1\.bin: too large: 9,219 bytes \(9 KiB\) is more than the 1,000 bytes limit \(maxBytes\)/);
  });
});

function freshDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
}
