import { describe, expect, it } from 'vitest';
import type { SourceFile } from '../data/expand.ts';
import type { ImageDecoder } from '../data/types.ts';
import { UNKNOWN_LABEL } from '../experiment/oracle.ts';
import { importUnlabelled, parseClassNames } from './unlabelledImport.ts';
import { labelsCsv } from './labelExports.ts';
import { answer, closeBatch, newSession, queueBatch, type SessionSettings } from './session.ts';

const file = (name: string, bytes: number[] = [1, 2, 3], archive?: string): SourceFile => ({ name, bytes: Uint8Array.from(bytes), label: archive ? `${archive}/${name}` : name, ...(archive ? { archive } : {}) });

/** A stand-in decoder: byte 0 = grey level (or 'colour' when byte 1 is 9), 'bad' when byte 0 is 0. */
const decode: ImageDecoder = async (bytes) => {
  if (bytes[0] === 0) throw new Error('invalid PNG header');
  const w = 40;
  const h = 20;
  const data = new Uint8Array(w * h * 3).map((_, i) => (bytes[1] === 9 && i % 3 === 0 ? 250 : bytes[0]!));
  return { width: w, height: h, channels: 3, data };
};

describe('importing unlabelled images', () => {
  it('imports images of any size to the model input, lists every skipped file with its reason, keeps equal names apart', async () => {
    const files = [
      file('a/cat.png', [10]), file('b/cat.png', [20]), file('x/photo.JPG', [30]),
      file('broken.png', [0]), file('empty.webp', []), file('notes.txt'), file('scan.tiff'), file('__MACOSX/._cat.png'), file('.DS_Store'),
    ];
    const progress: number[] = [];
    const r = await importUnlabelled(files, { size: 8, decode, onProgress: (done) => progress.push(done) });
    expect(r.names).toEqual(['a/cat.png', 'b/cat.png', 'x/photo.JPG']);
    expect(r.count).toBe(3);
    expect([r.size, r.channels, r.pixels.length]).toEqual([8, 1, 3 * 64]);
    expect(r.pixels[64]).toBe(20);
    expect(r.skipped.map((s) => s.name).sort()).toEqual(['broken.png', 'empty.webp', 'notes.txt', 'scan.tiff']);
    expect(r.skipped.find((s) => s.name === 'broken.png')!.why).toMatch(/cannot be decoded \(invalid PNG header\)/);
    expect(r.skipped.find((s) => s.name === 'scan.tiff')!.why).toMatch(/not supported/);
    expect(progress.at(-1)).toBe(4); // four files decoded (one of them failed)
    expect(Array.from(r.known)).toEqual([UNKNOWN_LABEL, UNKNOWN_LABEL, UNKNOWN_LABEL]);
  });

  it('keeps colour when any image has it, and qualifies a path two archives share', async () => {
    const r = await importUnlabelled([file('img.png', [5], 'one.zip'), file('img.png', [5, 9], 'two.zip')], { size: 4, decode });
    expect(r.channels).toBe(3);
    expect(r.names).toEqual(['one.zip/img.png', 'two.zip/img.png']);
  });

  it('reads class names and known labels (by path, by unique file name, by class name or index) and reports bad lines', async () => {
    const classes = parseClassNames('cat\ndog\n\n');
    expect(classes).toEqual(['cat', 'dog']);
    expect(() => parseClassNames('cat,dog,cat')).toThrow('listed twice');
    const csv = 'file,label\na/cat.png,cat\nphoto.JPG,1\ncat.png,dog\nnope.png,cat\nx/photo.JPG,bird\nnonsense';
    const r = await importUnlabelled([file('a/cat.png', [1]), file('b/cat.png', [2]), file('x/photo.JPG', [3])], { size: 4, decode, classes, knownLabels: csv });
    expect(Array.from(r.known)).toEqual([0, UNKNOWN_LABEL, 1]);
    expect(r.csvProblems).toEqual([
      'line 4: cat.png matches 2 images; give its folder too',
      'line 5: no imported image is named nope.png',
      'line 6: bird is not one of the classes (cat, dog)',
      'line 7: not "file,label" (1 fields; quote a name that holds a comma)',
    ]);
  });

  it('takes the classes from the known labels when none are given', async () => {
    const r = await importUnlabelled([file('a.png', [1]), file('b.png', [2]), file('c.png', [3])], { size: 4, decode, knownLabels: 'file,label\nb.png,owl\na.png,crow\nc.png,owl\n' });
    expect(r.classes).toEqual(['owl', 'crow']);
    expect(Array.from(r.known)).toEqual([1, 0, 0]);
  });

  it('reads back the labels CSV the labelling mode exports, quoted names and classes included', async () => {
    const classes = parseClassNames('cat, "big"\ndog');
    expect(classes).toEqual(['cat, "big"', 'dog']);
    const files = [file('a,b.png', [1]), file('c.png', [2])];
    let s = newSession('s', 'x', { size: 4 } as SessionSettings, classes, ['a,b.png', 'c.png'], 1, [UNKNOWN_LABEL, UNKNOWN_LABEL]);
    s = closeBatch(answer(answer(queueBatch(s, 0, 'random', [0, 1].map((image) => ({ image, score: null, holdout: false, guess: -1 }))), 0, 0), 1, 1));
    const r = await importUnlabelled(files, { size: 4, decode, classes, knownLabels: labelsCsv(s) });
    expect(r.csvProblems).toEqual([]);
    expect(Array.from(r.known)).toEqual([0, 1]);
  });
});
