import { describe, expect, it } from 'vitest';
import { gzip } from './compression.ts';
import { readDataset } from './registry.ts';
import {
  cifar100Bytes,
  cifar10Bytes,
  idxImages,
  idxLabels,
  tarBytes,
  testDecoder,
  testImage,
  zipBytes,
} from '../../testing/dataFixtures.ts';
import { DatasetError, type DatasetFile, type ReadOptions } from './types.ts';

const png = (h = 4, w = 4, c = 3, seed = 1) => testImage(h, w, c, (i) => i * seed);
const folder = (entries: Record<string, Uint8Array>): DatasetFile[] =>
  Object.entries(entries).map(([name, bytes]) => ({ name, bytes }));
const decode: ReadOptions = { decode: testDecoder };

function cifarTar(omit: string): Uint8Array {
  const members = ['data_batch_1.bin', 'data_batch_2.bin', 'data_batch_3.bin', 'data_batch_4.bin', 'data_batch_5.bin', 'test_batch.bin']
    .filter((m) => m !== omit)
    .map((m) => ({ path: `cifar-10-batches-bin/${m}`, bytes: cifar10Bytes(2) }));
  return tarBytes([{ path: 'cifar-10-batches-bin/' }, ...members]);
}

async function corruptGzip(): Promise<DatasetFile[]> {
  const gz = await gzip(cifar10Bytes(20));
  const bad = gz.slice();
  for (let i = 40; i < 80; i++) bad[i]! ^= 0x5a;
  return [{ name: 'data_batch_1.bin.gz', bytes: bad }];
}

interface BrokenCase {
  what: string;
  files: () => DatasetFile[] | Promise<DatasetFile[]>;
  options?: ReadOptions;
  file: string;
  message: RegExp;
}

const broken: BrokenCase[] = [
  {
    what: 'wrong record size (a CIFAR-100 batch named as CIFAR-10)',
    files: () => [{ name: 'data_batch_1.bin', bytes: cifar100Bytes(3) }],
    file: 'data_batch_1.bin',
    message: /^data_batch_1\.bin: wrong record size: 9,222 bytes is a multiple of the 3,074-byte CIFAR-100 record, not of the 3,073-byte CIFAR-10 record/,
  },
  {
    what: 'truncated CIFAR batch',
    files: () => [{ name: 'data_batch_1.bin', bytes: cifar10Bytes(3).subarray(0, 3 * 3073 - 1000) }],
    file: 'data_batch_1.bin',
    message: /^data_batch_1\.bin: truncated: 8,219 bytes is not a multiple of the 3,073-byte CIFAR-10 record \(the last record has 2,073 of its bytes\)/,
  },
  {
    what: 'CIFAR-10 label out of range',
    files: () => [{ name: 'data_batch_1.bin', bytes: cifar10Bytes(4, [1, 2, 10, 3]) }],
    file: 'data_batch_1.bin',
    message: /^data_batch_1\.bin: label 10 out of range 0-9 in record 2 of 4 \(counting from 0; byte 6,146\)/,
  },
  {
    what: 'CIFAR-100 coarse label out of range',
    files: () => {
      const bytes = cifar100Bytes(2);
      bytes[3074] = 25;
      return [{ name: 'train.bin', bytes }];
    },
    file: 'train.bin',
    message: /^train\.bin: coarse label 25 out of range 0-19 in record 1/,
  },
  {
    what: 'bad IDX magic',
    files: () => {
      const images = idxImages(2, 3, 3);
      images[0] = 1;
      return [{ name: 'train-images-idx3-ubyte', bytes: images }, { name: 'train-labels-idx1-ubyte', bytes: idxLabels([0, 1]) }];
    },
    file: 'train-images-idx3-ubyte',
    message: /^train-images-idx3-ubyte: bad IDX magic 0x01000803: expected 0x00000803 \(images\) or 0x00000801 \(labels\)/,
  },
  {
    what: 'bad IDX dims (zero rows)',
    files: () => {
      const images = idxImages(2, 3, 3);
      images.set([0, 0, 0, 0], 8);
      return [{ name: 'train-images-idx3-ubyte', bytes: images }, { name: 'train-labels-idx1-ubyte', bytes: idxLabels([0, 1]) }];
    },
    file: 'train-images-idx3-ubyte',
    message: /^train-images-idx3-ubyte: bad IDX dims \[2, 0, 3\]: rows and columns must be at least 1/,
  },
  {
    what: 'IDX file shorter than its header says',
    files: () => [
      { name: 'train-images-idx3-ubyte', bytes: idxImages(4, 5, 5).subarray(0, 16 + 80) },
      { name: 'train-labels-idx1-ubyte', bytes: idxLabels([0, 1, 2, 3]) },
    ],
    file: 'train-images-idx3-ubyte',
    message: /^train-images-idx3-ubyte: size mismatch: the IDX header \[4, 5, 5\] needs 116 bytes, the file has 96 \(truncated\)/,
  },
  {
    what: 'image/label count mismatch',
    files: () => [
      { name: 'train-images-idx3-ubyte', bytes: idxImages(4, 2, 2) },
      { name: 'train-labels-idx1-ubyte', bytes: idxLabels([0, 1, 2]) },
    ],
    file: 'train-labels-idx1-ubyte',
    message: /^train-labels-idx1-ubyte: count mismatch: 3 labels but train-images-idx3-ubyte has 4 images/,
  },
  {
    what: 'IDX label out of range',
    files: () => [
      { name: 'train-images-idx3-ubyte', bytes: idxImages(3, 2, 2) },
      { name: 'train-labels-idx1-ubyte', bytes: idxLabels([0, 12, 2]) },
    ],
    file: 'train-labels-idx1-ubyte',
    message: /^train-labels-idx1-ubyte: label 12 at index 1 is out of range 0-9/,
  },
  {
    what: 'IDX images without labels',
    files: () => [{ name: 'train-images-idx3-ubyte', bytes: idxImages(3, 2, 2) }],
    file: 'train-images-idx3-ubyte',
    message: /^train-images-idx3-ubyte: no labels file \(IDX 0x00000801\) given for these train images/,
  },
  {
    what: 'corrupt gzip',
    files: corruptGzip,
    file: 'data_batch_1.bin.gz',
    message: /^data_batch_1\.bin\.gz: corrupt gzip: /,
  },
  {
    what: 'truncated gzip',
    files: async () => [{ name: 't10k-labels-idx1-ubyte.gz', bytes: (await gzip(idxLabels([1, 2, 3]))).subarray(0, 15) }],
    file: 't10k-labels-idx1-ubyte.gz',
    message: /^t10k-labels-idx1-ubyte\.gz: corrupt gzip: truncated: /,
  },
  {
    what: 'empty folder',
    files: () => [{ name: 'pets/', bytes: new Uint8Array(0) }],
    options: decode,
    file: 'pets/',
    message: /^pets\/: empty folder: no images/,
  },
  {
    what: 'non-image file in a class folder (strict)',
    files: () => folder({ 'pets/cat/1.png': png(), 'pets/cat/notes.txt': new Uint8Array(3), 'pets/dog/1.png': png() }),
    options: { ...decode, strict: true },
    file: 'pets/cat/notes.txt',
    message: /^pets\/cat\/notes\.txt: not an image file \(only \.png, \.jpg/,
  },
  {
    what: 'class folder with no images',
    files: () => folder({ 'pets/cat/1.png': png(), 'pets/dog/readme.md': new Uint8Array(3), 'pets/emu/1.png': png() }),
    options: decode,
    file: 'pets/dog/',
    message: /^pets\/dog\/: class folder has no images \(1 other file skipped\)/,
  },
  {
    what: 'images of inconsistent size',
    files: () => folder({ 'pets/cat/1.png': png(4, 4), 'pets/dog/2.png': png(5, 4) }),
    options: decode,
    file: 'pets/dog/2.png',
    message: /^pets\/dog\/2\.png: inconsistent image size: 5x4, but pets\/cat\/1\.png is 4x4/,
  },
  {
    what: 'image folder without a decoder',
    files: () => folder({ 'pets/cat/1.png': png(), 'pets/dog/1.png': png() }),
    file: 'pets/',
    message: /^pets\/: image folders need an image decoder/,
  },
  {
    what: 'undecodable image',
    files: () => folder({ 'pets/cat/1.png': png(), 'pets/dog/1.png': new Uint8Array([1, 2, 3]) }),
    options: decode,
    file: 'pets/dog/1.png',
    message: /^pets\/dog\/1\.png: cannot decode image: unsupported image data/,
  },
  {
    what: 'archive missing a batch',
    files: async () => [{ name: 'cifar-10-binary.tar.gz', bytes: await gzip(cifarTar('test_batch.bin')) }],
    file: 'cifar-10-binary.tar.gz',
    message: /^cifar-10-binary\.tar\.gz: missing member cifar-10-batches-bin\/test_batch\.bin: a CIFAR-10 archive holds data_batch_1\.bin/,
  },
  {
    what: 'tar header with a bad checksum',
    files: async () => {
      const tar = cifarTar('');
      tar[512 + 10]! ^= 1; // second header (the first batch's name)
      return [{ name: 'cifar-10-binary.tar.gz', bytes: await gzip(tar) }];
    },
    file: 'cifar-10-binary.tar.gz',
    message: /^cifar-10-binary\.tar\.gz: corrupt tar: bad header checksum at byte 512/,
  },
  {
    what: 'too large (over maxBytes)',
    files: () => [{ name: 'data_batch_1.bin', bytes: cifar10Bytes(3) }],
    options: { maxBytes: 5000 },
    file: 'data_batch_1.bin',
    message: /^data_batch_1\.bin: too large: 9,219 bytes \(9 KiB\) is more than the 4\.9 KiB limit \(maxBytes\)/,
  },
  {
    what: 'too large once decompressed',
    files: async () => [{ name: 'data_batch_1.bin.gz', bytes: await gzip(new Uint8Array(3073 * 300)) }],
    options: { maxBytes: 100_000 },
    file: 'data_batch_1.bin.gz',
    message: /^data_batch_1\.bin\.gz: too large: decompresses to more than 97\.7 KiB \(the maxBytes limit\)/,
  },
  {
    what: 'zip member with a bad CRC',
    files: async () => {
      const zip = await zipBytes([{ path: 'pets/cat/1.png', bytes: png() }, { path: 'pets/dog/1.png', bytes: png() }], false);
      zip[30 + 'pets/cat/1.png'.length + 7]! ^= 0xff; // a pixel byte of the first (stored) member
      return [{ name: 'pets.zip', bytes: zip }];
    },
    options: decode,
    file: 'pets.zip/pets/cat/1.png',
    message: /^pets\.zip\/pets\/cat\/1\.png: corrupt zip member: CRC-32 mismatch/,
  },
  {
    what: 'unknown files',
    files: () => [{ name: 'notes.txt', bytes: new Uint8Array([104, 105]) }],
    file: 'notes.txt',
    message: /^notes\.txt: no known dataset format\. Expected one of: CIFAR-10\/100 binary batches/,
  },
];

describe('readDataset on broken files', () => {
  it.each(broken)('$what', async ({ files, options, file, message }) => {
    const error = await readDataset(await files(), options).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(DatasetError);
    expect((error as DatasetError).file).toBe(file);
    expect((error as DatasetError).message).toMatch(message);
  });

  it('lists skipped non-image files as warnings when not strict', async () => {
    const dataset = await readDataset(
      folder({ 'pets/cat/1.png': png(), 'pets/cat/notes.txt': new Uint8Array(3), 'pets/dog/1.png': png(), 'pets/.DS_Store': new Uint8Array(1) }),
      decode,
    );
    expect(dataset.train.count).toBe(2);
    expect(dataset.warnings).toEqual(['pets/cat/notes.txt: skipped: not an image file (only .png, .jpg, .jpeg, .gif, .bmp, .webp are read)']);
  });

  it('refuses no files and a bad maxBytes', async () => {
    await expect(readDataset([])).rejects.toThrow(/nothing to read/);
    await expect(readDataset([{ name: 'a.bin', bytes: cifar10Bytes(1) }], { maxBytes: 0 })).rejects.toThrow(/maxBytes must be a positive/);
  });
});
