import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { UNKNOWN_LABEL } from '../core/experiment/oracle.ts';
import { answer, closeBatch, newSession, queueBatch, type SessionSettings } from '../core/labelling/session.ts';
import { createSession, deleteSession, listSessions, loadImages, loadModel, loadSession, saveModel, saveSession } from './labellingDb.ts';

const settings = { model: 'resnet8', ratio: 0.5, metric: 'lc', epochs: 3, batch: 16, lr: 0.05, lrSchedule: 'cosine', momentum: 0.9, wd: 5e-4, augment: false, seed: 1, batchSize: 2, holdoutShare: 0.5, size: 4, lambda: 0.5, T: 4 } as SessionSettings;

describe('labelling sessions in IndexedDB', () => {
  it('keeps a session, its images and models across a reload, and deletes them together', async () => {
    const s = newSession('s1', 'holiday photos', settings, ['cat', 'dog'], ['a.jpg', 'b.jpg'], 1, [UNKNOWN_LABEL, UNKNOWN_LABEL]);
    await createSession(s, { id: 's1', count: 2, size: 4, channels: 1, pixels: new Uint8Array(32).fill(7) });
    const labelled = closeBatch(answer(queueBatch(s, 0, 'random', [{ image: 1, score: null, holdout: false, guess: 0 }]), 0, 1));
    await saveSession(labelled);
    await saveModel('s1', 'selector', { spec: { model: 'resnet8' } as never, weights: { w: { shape: [1], values: new Float32Array([0.5]) } } as never, kept: { stem: [0, 2] } });

    expect(await loadSession('s1')).toEqual(labelled);
    expect((await loadImages('s1'))!.pixels).toEqual(new Uint8Array(32).fill(7));
    expect((await loadModel('s1', 'selector'))!.kept).toEqual({ stem: [0, 2] });
    expect(await listSessions()).toEqual([{ id: 's1', name: 'holiday photos', createdAt: s.createdAt, images: 2, labelled: 1, classes: 2 }]);

    await deleteSession('s1');
    expect([await loadSession('s1'), await loadImages('s1'), await loadModel('s1', 'selector')]).toEqual([undefined, undefined, undefined]);
    await expect(createSession(s, { id: 'other', count: 0, size: 4, channels: 1, pixels: new Uint8Array(0) })).rejects.toThrow('another session');
  });
});
