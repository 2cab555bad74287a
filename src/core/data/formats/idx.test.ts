import { describe, expect, it } from 'vitest';
import { gzip } from '../compression.ts';
import { readDataset } from '../registry.ts';
import { idxImages, idxLabels, pixelOf } from '../../../testing/dataFixtures.ts';

describe('IDX (MNIST / Fashion-MNIST)', () => {
  it('reads a raw train pair as a 1-channel set', async () => {
    const dataset = await readDataset([
      { name: 'train-labels-idx1-ubyte', bytes: idxLabels([3, 1, 4]) },
      { name: 'train-images-idx3-ubyte', bytes: idxImages(3, 4, 5) },
    ]);
    expect(dataset.name).toBe('MNIST');
    expect(dataset.classes).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);
    expect(dataset.train).toMatchObject({ count: 3, height: 4, width: 5, channels: 1 });
    expect([...dataset.train.labels]).toEqual([3, 1, 4]);
    expect(dataset.train.images[2 * 20 + 7]).toBe(pixelOf(2, 0, 7));
    expect(dataset.test).toBeUndefined();
  });

  it('pairs gzipped train and t10k files and names Fashion-MNIST from the path', async () => {
    const files = [
      { name: 'fashion/train-images-idx3-ubyte.gz', bytes: await gzip(idxImages(4, 28, 28)) },
      { name: 'fashion/train-labels-idx1-ubyte.gz', bytes: await gzip(idxLabels([0, 9, 5, 5])) },
      { name: 'fashion/t10k-images-idx3-ubyte.gz', bytes: await gzip(idxImages(2, 28, 28)) },
      { name: 'fashion/t10k-labels-idx1-ubyte.gz', bytes: await gzip(idxLabels([8, 1])) },
    ];
    const dataset = await readDataset(files);
    expect(dataset.name).toBe('Fashion-MNIST');
    expect(dataset.classes[9]).toBe('Ankle boot');
    expect(dataset.train.count).toBe(4);
    expect([...dataset.test!.labels]).toEqual([8, 1]);
    expect(dataset.id).toMatch(/^fashion-mnist-[0-9a-f]{8}$/);
  });

  it('takes a lone t10k pair as the training split', async () => {
    const dataset = await readDataset([
      { name: 't10k-images-idx3-ubyte', bytes: idxImages(2, 2, 2) },
      { name: 't10k-labels-idx1-ubyte', bytes: idxLabels([1, 2]) },
    ]);
    expect(dataset.train.count).toBe(2);
    expect(dataset.test).toBeUndefined();
  });

  it('accepts any names for a single pair, told apart by their magic numbers', async () => {
    const dataset = await readDataset([
      { name: 'digits.gz', bytes: await gzip(idxImages(2, 3, 3)) },
      { name: 'answers.gz', bytes: await gzip(idxLabels([7, 2])) },
    ]);
    expect([...dataset.train.labels]).toEqual([7, 2]);
  });

  it('refuses unsupported data types, extra bytes, a second file for a split and mismatched shapes', async () => {
    const float = idxImages(1, 2, 2);
    float[2] = 0x0d;
    await expect(readDataset([{ name: 'x-idx3-ubyte', bytes: float }])).rejects.toThrow(
      /^x-idx3-ubyte: bad IDX magic 0x00000d03: data type 0x0d is not supported/,
    );
    const extra = new Uint8Array([...idxLabels([1, 2]), 0]);
    await expect(
      readDataset([{ name: 'train-images-idx3-ubyte', bytes: idxImages(2, 2, 2) }, { name: 'train-labels-idx1-ubyte', bytes: extra }]),
    ).rejects.toThrow(/^train-labels-idx1-ubyte: size mismatch: .* \(1 extra byte at the end\)/);
    await expect(
      readDataset([
        { name: 't10k-images-idx3-ubyte', bytes: idxImages(2, 2, 2) },
        { name: 't10k-labels-idx1-ubyte', bytes: idxLabels([1, 2]) },
        { name: 't10k-labels-idx1-ubyte.gz', bytes: idxLabels([1, 2]) },
      ]),
    ).rejects.toThrow(/^t10k-labels-idx1-ubyte\.gz: a second labels file for the test split/);
    await expect(
      readDataset([
        { name: 'train-images-idx3-ubyte', bytes: idxImages(2, 2, 2) },
        { name: 'train-labels-idx1-ubyte', bytes: idxLabels([1, 2]) },
        { name: 't10k-images-idx3-ubyte', bytes: idxImages(1, 3, 3) },
        { name: 't10k-labels-idx1-ubyte', bytes: idxLabels([1]) },
      ]),
    ).rejects.toThrow(/train images are 2x2, test images 3x3/);
  });
});
