import { describe, expect, it } from 'vitest';
import { encodePng } from '../data/encodePng.ts';
import { readZip } from '../data/formats/zip.ts';
import { utf8 } from '../data/text.ts';
import { UNKNOWN_LABEL } from '../experiment/oracle.ts';
import { resnetSpec } from '../models/resnet.ts';
import { initWeights } from '../models/weights.ts';
import { readWeightsManifest } from '../models/weightsManifest.ts';
import type { SessionImages } from './checkSession.ts';
import { classFolderZip, labelsCsv, modelFiles, safeName, uniqueName } from './labelExports.ts';
import { answer, closeBatch, newSession, queueBatch, SKIPPED, type LabellingSession, type SessionSettings } from './session.ts';

const settings = { model: 'resnet8', ratio: 0.5, metric: 'lc', epochs: 3, batch: 16, lr: 0.05, lrSchedule: 'cosine', momentum: 0.9, wd: 5e-4, augment: false, seed: 1, batchSize: 4, holdoutShare: 0.25, size: 4, lambda: 0.5, T: 4 } as SessionSettings;
const U = UNKNOWN_LABEL;

/** Labels given the way the screen gives them: one batch answered out of image order, then closed. */
function labelled(classes: string[], names: string[], known: number[], answers: Array<[image: number, label: number, holdout: boolean]>): LabellingSession {
  let s = newSession('s1', 'my photos', settings, classes, names, 3, known);
  s = queueBatch(s, 0, 'random', answers.map(([image, , holdout]) => ({ image, score: null, holdout, guess: U })));
  answers.forEach(([, label], k) => (s = answer(s, k, label)));
  return closeBatch(s);
}

const imagesOf = (count: number, size = 4, channels: 1 | 3 = 3): SessionImages => ({
  count, size, channels, pixels: Uint8Array.from({ length: count * size * size * channels }, (_, i) => (i * 7 + Math.floor(i / 48)) & 0xff),
});

describe('labelsCsv', () => {
  it('lists the training, held-out and known labels in image order by class name, quoting as RFC 4180 says', () => {
    const s = labelled(['cat', 'dog, big', 'say "hi"'], ['a.jpg', 'b,c.jpg', 'd.jpg', 'e.jpg', 'f\n.jpg', 'g.jpg'], [U, U, U, U, U, 0], [
      [4, 2, false],
      [1, 1, true],
      [3, SKIPPED, false],
      [0, 0, false],
    ]);
    expect(labelsCsv(s)).toBe('file,label\r\na.jpg,cat\r\n"b,c.jpg","dog, big"\r\n"f\n.jpg","say ""hi"""\r\ng.jpg,cat\r\n');
  });

  it('has only the header when nothing is labelled, and refuses a labelled image without a class', () => {
    const s = newSession('s1', 'x', settings, ['cat', 'dog'], ['a.jpg'], 3, [U]);
    expect(labelsCsv(s)).toBe('file,label\r\n');
    expect(() => labelsCsv({ ...s, roles: ['holdout'] })).toThrow('a.jpg is labelled (holdout) but its label -1 is not a class');
  });
});

describe('safe and unique names', () => {
  it('makes any class name one path segment every file system takes', () => {
    expect(safeName('a/b\\c:d*e?f"g<h>i|j')).toBe('a_b_c_d_e_f_g_h_i_j');
    expect(safeName('  trailing dots... ')).toBe('trailing dots');
    expect(safeName('..')).toBe('_');
    expect(safeName('.hidden')).toBe('_.hidden');
    expect(safeName('CON')).toBe('_CON');
    expect(safeName('lpt1.txt')).toBe('_lpt1.txt');
    expect(safeName('tab\there')).toBe('tab_here');
    expect(safeName('é'.repeat(150))).toBe('é'.repeat(100)); // 2 bytes each: 200 bytes kept
  });

  it('numbers repeats before the extension, ignoring case', () => {
    const taken = new Set<string>();
    expect(['a', 'A', 'a', 'b'].map((n) => uniqueName(taken, n, '.png'))).toEqual(['a.png', 'A (2).png', 'a (3).png', 'b.png']);
  });
});

describe('classFolderZip', () => {
  it('puts each labelled image as a PNG in its class folder, with labels.csv at the root', async () => {
    const classes = ['cat', 'dog', 'a/b', 'a_b', 'Cat', 'labels.csv', 'empty'];
    const names = ['x/a.jpg', 'y/a.JPEG', 'b.png', 'c.webp', 'd.jpg', 'e.gif', 'f.bmp', 'deep/dir/g.jpg'];
    const s = labelled(classes, names, [U, U, U, U, U, U, U, 1], [
      [0, 0, false],
      [1, 0, true],
      [2, 2, false],
      [3, 3, false],
      [4, 4, false],
      [5, 5, false],
      [6, SKIPPED, false],
    ]);
    const images = imagesOf(names.length);
    const members = await readZip('labels.zip', await classFolderZip(s, images), 1e8);
    const files = new Map(members.filter((m) => !m.path.endsWith('/')).map((m) => [m.path, m.bytes]));
    expect(members.filter((m) => m.path.endsWith('/')).map((m) => m.path).sort()).toEqual(['Cat (2)/', 'a_b (2)/', 'a_b/', 'cat/', 'dog/', 'empty/', 'labels.csv (2)/'].sort());
    expect([...files.keys()].sort()).toEqual(['Cat (2)/d.png', 'a_b (2)/c.png', 'a_b/b.png', 'cat/a (2).png', 'cat/a.png', 'dog/g.png', 'labels.csv', 'labels.csv (2)/e.png'].sort());
    expect(utf8(files.get('labels.csv')!)).toBe(labelsCsv(s));
    // Each file is its own image's PNG (the encoder is deterministic), at the stored size.
    const bytes = 4 * 4 * 3;
    const expected: Array<[string, number]> = [['cat/a.png', 0], ['cat/a (2).png', 1], ['a_b/b.png', 2], ['a_b (2)/c.png', 3], ['Cat (2)/d.png', 4], ['labels.csv (2)/e.png', 5], ['dog/g.png', 7]];
    for (const [path, image] of expected) {
      expect(files.get(path), path).toEqual(await encodePng(images.pixels.subarray(image * bytes, (image + 1) * bytes), 4, 4, 3));
    }
  });

  it('keeps non-ASCII names and greyscale images', async () => {
    const s = labelled(['café', '日本'], ['ü.jpg', 'ß.png'], [U, U], [[0, 0, false], [1, 1, false]]);
    const members = await readZip('labels.zip', await classFolderZip(s, imagesOf(2, 3, 1)), 1e8);
    expect(members.map((m) => m.path).filter((p) => p.endsWith('.png')).sort()).toEqual(['café/ü.png', '日本/ß.png']);
    const png = members.find((m) => m.path === 'café/ü.png')!.bytes;
    expect(png[25]).toBe(0); // IHDR colour type: greyscale
  });

  it('refuses images that do not belong to the session', async () => {
    const s = labelled(['cat', 'dog'], ['a.jpg', 'b.jpg'], [U, U], [[0, 0, false]]);
    await expect(classFolderZip(s, imagesOf(3))).rejects.toThrow('the images hold 3 images, the session names 2');
    await expect(classFolderZip(s, { ...imagesOf(2), size: 5 })).rejects.toThrow('the images hold 96 bytes, 2 images of 5x5x3 need 150');
  });
});

describe('modelFiles', () => {
  it('names the two files after the stem and points the manifest at the .bin', () => {
    const spec = resnetSpec('resnet8', { inputShape: [8, 8, 3], numClasses: 3 });
    const weights = initWeights(spec, 3);
    const files = modelFiles('final', { spec, weights }, { classes: ['a', 'b', 'c'] });
    expect([files.jsonName, files.binName]).toEqual(['final.model.json', 'final.weights.bin']);
    const json = JSON.parse(files.json);
    expect(json.weightsManifest[0].paths).toEqual(['final.weights.bin']);
    expect(json.userDefinedMetadata).toEqual({ classes: ['a', 'b', 'c'] });
    expect(readWeightsManifest(json, files.bin).weights).toEqual(weights);
  });
});
