import { describe, expect, it } from 'vitest';
import { readDataset } from '../registry.ts';
import { testDecoder, testImage, zipBytes } from '../../../testing/dataFixtures.ts';
import type { DatasetFile, ReadOptions } from '../types.ts';

const options: ReadOptions = { decode: testDecoder };
const rgb = (v: number) => testImage(2, 3, 3, (i) => v + i);
const grey = (v: number) => testImage(2, 3, 1, () => v);
const files = (entries: Record<string, Uint8Array>): DatasetFile[] =>
  Object.entries(entries).map(([name, bytes]) => ({ name, bytes }));

describe('image folders', () => {
  it('reads one sub-folder per class, classes sorted, images in path order, HWC', async () => {
    const dataset = await readDataset(
      files({ 'pets/dog/b.png': rgb(50), 'pets/cat/2.png': rgb(20), 'pets/cat/1.png': rgb(10), 'pets/dog/a.jpg': rgb(40) }),
      options,
    );
    expect(dataset.name).toBe('pets');
    expect(dataset.classes).toEqual(['cat', 'dog']);
    expect(dataset.train).toMatchObject({ count: 4, height: 2, width: 3, channels: 3 });
    expect([...dataset.train.labels]).toEqual([0, 0, 1, 1]);
    expect([...dataset.train.images.subarray(0, 3)]).toEqual([10, 11, 12]);
    expect(dataset.train.images[2 * 18]).toBe(40); // dog/a.jpg comes before dog/b.png
    expect(dataset.test).toBeUndefined();
  });

  it('reads train/ and test/ splits and refuses a test class unknown to train', async () => {
    const dataset = await readDataset(
      files({ 'd/train/a/1.png': rgb(1), 'd/train/b/1.png': rgb(2), 'd/test/b/9.png': rgb(3), 'd/extra/x.png': rgb(0) }),
      options,
    );
    expect(dataset.train.count).toBe(2);
    expect([...dataset.test!.labels]).toEqual([1]);
    expect(dataset.warnings).toEqual(['d/extra/: ignored folder']);
    await expect(
      readDataset(files({ 'd/train/a/1.png': rgb(1), 'd/train/b/1.png': rgb(2), 'd/val/c/1.png': rgb(3) }), options),
    ).rejects.toThrow(/^d\/val\/c\/: class 'c' is not among the training classes/);
  });

  it('keeps all-grey images at 1 channel, drops alpha and widens grey among colour', async () => {
    const greySet = await readDataset(files({ 'g/a/1.png': grey(7), 'g/b/1.png': testImage(2, 3, 3, () => 9) }), options);
    expect(greySet.train.channels).toBe(1);
    expect([...greySet.train.images]).toEqual([7, 7, 7, 7, 7, 7, 9, 9, 9, 9, 9, 9]);
    const rgba = testImage(2, 3, 4, (i) => (i % 4 === 3 ? 255 : i));
    const mixed = await readDataset(files({ 'm/a/1.png': grey(5), 'm/b/1.png': rgba }), options);
    expect(mixed.train.channels).toBe(3);
    expect([...mixed.train.images.subarray(0, 3)]).toEqual([5, 5, 5]);
    expect([...mixed.train.images.subarray(18, 24)]).toEqual([0, 1, 2, 4, 5, 6]);
  });

  it('refuses a single class and images outside class folders are skipped with a warning', async () => {
    await expect(readDataset(files({ 'p/cat/1.png': rgb(1) }), options)).rejects.toThrow(/only one class folder \('cat'\)/);
    const dataset = await readDataset(files({ 'p/loose.png': rgb(1), 'p/a/1.png': rgb(1), 'p/b/1.png': rgb(2) }), options);
    expect(dataset.warnings).toEqual(['p/loose.png: skipped: not inside a class folder']);
  });

  it('reads a .zip of a folder, deflated or stored, and names errors inside it', async () => {
    for (const deflate of [true, false]) {
      const zip = await zipBytes(
        [{ path: 'animals/' }, { path: 'animals/cat/1.png', bytes: rgb(1) }, { path: 'animals/dog/1.png', bytes: rgb(2) }, { path: 'animals/dog/2.png', bytes: rgb(3) }],
        deflate,
      );
      const dataset = await readDataset([{ name: 'animals.zip', bytes: zip }], options);
      expect([...dataset.train.labels]).toEqual([0, 1, 1]);
      expect(dataset.train.images[36]).toBe(3);
    }
    const zip = await zipBytes([{ path: 'cat/1.png', bytes: rgb(1) }, { path: 'dog/' }]);
    await expect(readDataset([{ name: 'pets.zip', bytes: zip }], options)).rejects.toThrow(
      /^pets\.zip\/dog\/: class folder has no images/,
    );
    await expect(readDataset([{ name: 'pets.zip', bytes: zip.subarray(0, zip.length - 30) }], options)).rejects.toThrow(
      /^pets\.zip: not a zip file, or truncated: no end-of-central-directory record/,
    );
  });
});

describe('Tiny-ImageNet layout', () => {
  const tiny = (annotations: string, extra: Record<string, Uint8Array> = {}) => {
    const text = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));
    return files({
      'tiny-imagenet-200/wnids.txt': text('n02\nn01\n'),
      'tiny-imagenet-200/words.txt': text('n01\tgoldfish, Carassius auratus\nn02\ttabby, tabby cat\nn03\tunused\n'),
      'tiny-imagenet-200/train/n01/n01_boxes.txt': text('n01_0.JPEG\t0\t0\t1\t1\n'),
      'tiny-imagenet-200/train/n01/images/n01_0.JPEG': rgb(10),
      'tiny-imagenet-200/train/n01/images/n01_1.JPEG': grey(4),
      'tiny-imagenet-200/train/n02/images/n02_0.JPEG': rgb(30),
      'tiny-imagenet-200/val/images/val_0.JPEG': rgb(40),
      'tiny-imagenet-200/val/images/val_1.JPEG': rgb(50),
      'tiny-imagenet-200/val/val_annotations.txt': text(annotations),
      'tiny-imagenet-200/test/images/test_0.JPEG': rgb(60),
      ...extra,
    });
  };

  it('uses wnids.txt order, words.txt names and val annotations as the test split', async () => {
    const dataset = await readDataset(tiny('val_0.JPEG\tn01\t0\t0\t1\t1\nval_1.JPEG\tn02\t0\t0\t1\t1\n'), options);
    expect(dataset.name).toBe('Tiny-ImageNet');
    expect(dataset.classes).toEqual(['tabby', 'goldfish']);
    expect([...dataset.train.labels]).toEqual([0, 1, 1]);
    expect(dataset.train.channels).toBe(3);
    expect([...dataset.train.images.subarray(36, 39)]).toEqual([4, 4, 4]); // grey JPEG widened
    expect([...dataset.test!.labels]).toEqual([1, 0]);
    expect(dataset.warnings).toEqual([
      "tiny-imagenet-200/test/: ignored: Tiny-ImageNet's test split has no labels (val/ is used as test)",
    ]);
  });

  it('refuses a val image without annotation and an annotation naming an unknown class', async () => {
    await expect(readDataset(tiny('val_0.JPEG\tn01\t0\t0\t1\t1\n'), options)).rejects.toThrow(
      /^tiny-imagenet-200\/val\/images\/val_1\.JPEG: no label for it in val\/val_annotations\.txt/,
    );
    await expect(readDataset(tiny('val_0.JPEG\tn01\nval_1.JPEG\tn99\n'), options)).rejects.toThrow(
      /^tiny-imagenet-200\/val\/val_annotations\.txt: line 2: class 'n99' is not in wnids\.txt/,
    );
  });
});
