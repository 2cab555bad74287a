import { describe, expect, it } from 'vitest';
import { readZip } from '../data/formats/zip.ts';
import { utf8 } from '../data/text.ts';
import { writeZip } from '../data/writeZip.ts';
import { UNKNOWN_LABEL } from '../experiment/oracle.ts';
import { resnetSpec } from '../models/resnet.ts';
import { initWeights, type Weights } from '../models/weights.ts';
import { prune } from '../prune/prune.ts';
import { answer, closeBatch, newSession, queueBatch, SKIPPED, type LabellingSession, type SessionSettings } from './session.ts';
import { readSessionFile, writeSessionFile, type SessionModel } from './sessionFile.ts';

const U = UNKNOWN_LABEL;
const settings = { model: 'resnet8', ratio: 0.5, metric: 'lc', epochs: 3, batch: 16, lr: 0.05, lrSchedule: 'cosine', momentum: 0.9, wd: 5e-4, augment: false, seed: 1, batchSize: 3, holdoutShare: 0.25, size: 8, lambda: 0.5, T: 4 } as SessionSettings;
const q = (image: number, holdout = false) => ({ image, score: 0.5, holdout, guess: 1 });

/** Every part a session has: a known label, a closed batch (train, held-out, skipped), an open one, estimates. */
function session(): LabellingSession {
  let s = newSession('s-42', 'birds, "mostly"', settings, ['crow', 'owl', 'wren'], ['a/1.jpg', 'a/2.jpg', 'b/1.png', 'c.jpg', 'd.jpg'], 3, [U, U, U, U, 2]);
  s = queueBatch(s, 0, 'random', [q(0), q(1, true), q(2)]);
  s = closeBatch(answer(answer(answer(s, 0, 1), 1, 0), 2, SKIPPED));
  s = { ...s, estimates: [{ round: 1, trainedOn: 2, holdout: 1, accuracy: 1 / 3, labels: 'chosen' }], final: { estimate: null, at: '2025-01-02T03:04:05.000Z' } };
  return answer(queueBatch(s, 1, 'lc', [q(3), q(2, true)]), 0, 2);
}

const images = () => ({ id: 's-42', count: 5, size: 8, channels: 3 as const, pixels: Uint8Array.from({ length: 5 * 8 * 8 * 3 }, (_, i) => (i * 13) & 0xff) });

function models(): { selector: SessionModel; final: SessionModel } {
  const dense = resnetSpec('resnet8', { inputShape: [8, 8, 3], numClasses: 3 });
  const weights = initWeights(dense, 7);
  weights['fc.bias']!.values[0] = -0; // bit-identical, not just equal
  const pruned = prune(dense, initWeights(dense, 8), { ratio: 0.5 });
  return {
    selector: { id: 's-42/selector', spec: pruned.spec, weights: pruned.weights, kept: pruned.kept, savedAt: '2025-01-01T00:00:00.000Z' },
    final: { id: 's-42/final', spec: dense, weights, savedAt: '2025-01-02T00:00:00.000Z' },
  };
}

const bits = (w: Weights) => Object.fromEntries(Object.entries(w).map(([k, t]) => [k, [t.shape, [...new Uint8Array(t.values.buffer, t.values.byteOffset, t.values.byteLength)]]]));

/** session.json as a test may spoil it. */
interface LooseJson {
  kind: unknown;
  format: unknown;
  images: Partial<Record<'count' | 'size' | 'channels', number>>;
  session: Omit<LabellingSession, 'roles'> & { roles: string[] };
}
type Edit = (files: Map<string, Uint8Array>, json: LooseJson) => void;

/** The members of a session file, changed by `edit` (session.json through `json`, unless `edit` replaces it), zipped again. */
async function altered(edit: Edit): Promise<Uint8Array> {
  const file = await writeSessionFile(session(), images(), models());
  const files = new Map((await readZip('x', file, 1e8)).map((m) => [m.path, m.bytes]));
  const original = files.get('session.json')!;
  const json = JSON.parse(utf8(original)) as LooseJson;
  edit(files, json);
  if (files.get('session.json') === original) files.set('session.json', new TextEncoder().encode(JSON.stringify(json)));
  return writeZip([...files].map(([path, bytes]) => ({ path, bytes })));
}

describe('session files', () => {
  it('carry the session, the pixels and both models back bit for bit', async () => {
    const [s, im, m] = [session(), images(), models()];
    const back = await readSessionFile(await writeSessionFile(s, im, m));
    expect(back.session).toEqual(s);
    expect(back.images).toEqual(im);
    for (const kind of ['selector', 'final'] as const) {
      const got = back.models[kind]!;
      expect({ ...got, weights: null }).toEqual({ ...m[kind], weights: null });
      expect(bits(got.weights)).toEqual(bits(m[kind].weights));
    }
    expect(back.models.final!.kept).toBeUndefined();
  });

  it('hold no models when the session has none yet', async () => {
    const back = await readSessionFile(await writeSessionFile(session(), images(), {}));
    expect(back.models).toEqual({});
  });

  it('are zips with the members named in the module doc', async () => {
    const members = await readZip('x', await writeSessionFile(session(), images(), { selector: models().selector }), 1e8);
    expect(members.map((m) => m.path).sort()).toEqual(['images.bin', 'selector.model.json', 'selector.weights.bin', 'session.json']);
    const json = JSON.parse(utf8(members.find((m) => m.path === 'session.json')!.bytes));
    expect(json).toMatchObject({ kind: 'prunefuse-lab/labelling-session', format: 1, images: { count: 5, size: 8, channels: 3 } });
  });

  it('are not written from images that do not fit the session', async () => {
    await expect(writeSessionFile(session(), { ...images(), count: 4 }, {})).rejects.toThrow('the images hold 4 images, the session names 5');
    await expect(writeSessionFile(session(), { ...images(), size: 16, pixels: new Uint8Array(5 * 16 * 16 * 3) }, {})).rejects.toThrow('cannot save this session: settings.size is 8 but the images are 16x16');
  });

  it('say what is wrong when the bytes are not a whole zip', async () => {
    const file = await writeSessionFile(session(), images(), models());
    const eocd = 'not a zip file, or truncated: no end-of-central-directory record';
    await expect(readSessionFile(file.subarray(0, file.length - 30))).rejects.toThrow(`session file: ${eocd}`);
    await expect(readSessionFile(new TextEncoder().encode('{"kind": "hello"}'), 'notes.json')).rejects.toThrow(`notes.json: ${eocd}`);
  });

  it.each<[string, Edit, string]>([
    ['session.json missing', (f) => f.delete('session.json'), 'session file: session.json is missing: this is not a PruneFuse Lab session file'],
    ['session.json not JSON', (f) => f.set('session.json', new Uint8Array([123, 34])), 'session file: session.json is not valid JSON'],
    ['another kind', (_, j) => (j.kind = 'prunefuse-lab/results'), "session file: session.json is not a PruneFuse Lab labelling session (its kind should be 'prunefuse-lab/labelling-session')"],
    ['a newer format', (_, j) => (j.format = 2), 'session file: session.json has format 2; this lab reads format 1 (it was written by a newer lab)'],
    ['no image shape', (_, j) => delete j.images.size, 'session file: session.json: images should record count, size and channels (1 or 3)'],
    ['images.bin missing', (f) => f.delete('images.bin'), 'session file: images.bin (the pixels) is missing'],
    ['pixels short by a byte', (f) => f.set('images.bin', f.get('images.bin')!.subarray(1)), 'session file: images.bin has 959 bytes; 5 images of 8x8x3 need 960'],
    ['labels of the wrong length', (_, j) => j.session.labels.pop(), 'session file: session.json: labels has 4 entries for 5 images'],
    ['a label out of range', (_, j) => (j.session.labels[3] = 3), 'session file: session.json: labels[3] is 3: a class is 0..2, or -1 for none'],
    ['a bad role', (_, j) => (j.session.roles[1] = 'maybe'), "session file: session.json: roles[1] is 'maybe': a role is one of unlabelled, train, holdout, skipped"],
    ['a training image without a label', (_, j) => (j.session.labels[0] = -1), 'session file: session.json: labels[0] is -1: a training or held-out image needs a class'],
    ['images of another size', (_, j) => (j.session.settings.size = 32), 'session file: session.json: settings.size is 32 but the images are 8x8'],
    ['a batch asking for image 9', (_, j) => (j.session.batch!.queue[0]!.image = 9), 'session file: session.json: batch.queue[0] is {"image":9'],
    ['selector weights missing', (f) => f.delete('selector.weights.bin'), 'session file: selector.weights.bin is missing (the file holds selector.model.json)'],
    ['final weights short', (f) => f.set('final.weights.bin', f.get('final.weights.bin')!.subarray(4)), 'session file: final.model.json: the .bin has'],
    ['kept channels that are not indices', (f) => {
      const m = JSON.parse(utf8(f.get('selector.model.json')!));
      m.userDefinedMetadata.kept = { ...m.userDefinedMetadata.kept, stem: [0.5] };
      f.set('selector.model.json', new TextEncoder().encode(JSON.stringify(m)));
    }, 'session file: selector.model.json: userDefinedMetadata.kept is not a list of channel indices per layer'],
  ])('refuse %s with a clear message', async (_, edit, message) => {
    await expect(readSessionFile(await altered(edit))).rejects.toThrow(message);
  });
});
