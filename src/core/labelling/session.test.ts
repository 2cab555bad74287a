import { describe, expect, it } from 'vitest';
import { UNKNOWN_LABEL } from '../experiment/oracle.ts';
import { answer, batchProgress, closeBatch, finishRound, newSession, queueBatch, RANDOM, randomTrainingLabels, roleCounts, SKIPPED, startRound, unanswer, type SessionSettings } from './session.ts';

const settings = { model: 'resnet8', ratio: 0.5, metric: 'lc', epochs: 3, batch: 16, lr: 0.05, lrSchedule: 'cosine', momentum: 0.9, wd: 5e-4, augment: false, seed: 1, batchSize: 4, holdoutShare: 0.25, size: 32, lambda: 0.5, T: 4 } as SessionSettings;

describe('a labelling session', () => {
  it('records answers, undo and skips, and closes a batch into training, held-out and skipped images', () => {
    let s = newSession('s1', 'my photos', settings, ['cat', 'dog'], ['a.png', 'b.png', 'c.png', 'd.png', 'e.png', 'f.png'], 3, [UNKNOWN_LABEL, UNKNOWN_LABEL, UNKNOWN_LABEL, UNKNOWN_LABEL, UNKNOWN_LABEL, 1]);
    expect(roleCounts(s)).toEqual({ unlabelled: 5, train: 1, holdout: 0, skipped: 0 });
    s = queueBatch(s, 0, 'random', [
      { image: 0, score: null, holdout: false, guess: UNKNOWN_LABEL },
      { image: 2, score: null, holdout: false, guess: UNKNOWN_LABEL },
      { image: 3, score: null, holdout: true, guess: UNKNOWN_LABEL },
      { image: 4, score: null, holdout: false, guess: UNKNOWN_LABEL },
    ]);
    s = answer(s, 0, 1);
    s = answer(s, 1, 0);
    s = answer(s, 1, 1);
    s = unanswer(s, 1);
    s = answer(s, 1, 0);
    s = answer(s, 2, 0);
    s = answer(s, 3, SKIPPED);
    expect(batchProgress(s)).toEqual({ answered: 4, total: 4 });
    expect(() => answer(s, 0, 2)).toThrow('2 is not a class');
    expect(() => answer(s, 9, 0)).toThrow('no image 10');
    const closed = closeBatch(s);
    expect(closed.batch).toBeNull();
    expect(closed.labels).toEqual([1, UNKNOWN_LABEL, 0, 0, UNKNOWN_LABEL, 1]);
    expect(closed.roles).toEqual(['train', 'unlabelled', 'train', 'holdout', 'skipped', 'train']);
    expect(closed.answered).toEqual([{ round: 0, by: 'random', images: [0, 2, 3, 4], labels: [1, 0, 0, SKIPPED], holdout: [false, false, true, false] }]);
  });

  it('returns unanswered images to the pool when a batch closes early, and needs two classes', () => {
    let s = newSession('s2', 'x', settings, ['a', 'b'], ['1', '2'], 1, [UNKNOWN_LABEL, UNKNOWN_LABEL]);
    s = closeBatch(answer(queueBatch(s, 0, 'random', [{ image: 0, score: null, holdout: false, guess: 0 }, { image: 1, score: null, holdout: false, guess: 0 }]), 0, 1));
    expect(s.roles).toEqual(['train', 'unlabelled']);
    expect(() => newSession('s3', 'x', settings, ['only'], ['1'], 1, [UNKNOWN_LABEL])).toThrow('at least two classes');
  });
});

describe('rounds of a labelling session', () => {
  const q = (image: number, holdout = false, guess = UNKNOWN_LABEL) => ({ image, score: null, holdout, guess });
  it('closes a batch into a pending round, keeps what is labelled meanwhile, and takes the new queue less those images', () => {
    let s = newSession('s2', 'x', settings, ['a', 'b'], ['0', '1', '2', '3', '4', '5', '6', '7'], 1, Array(8).fill(UNKNOWN_LABEL));
    s = queueBatch(s, 0, RANDOM, [q(0), q(1, true)]);
    s = answer(answer(s, 0, 0), 1, 1);
    s = startRound(s);
    expect(s.pending).toBe(1);
    expect(s.batch).toBeNull();
    // Random images to label while the selector trains: one answered, one not.
    s = queueBatch(s, 1, RANDOM, [q(2), q(3)]);
    s = answer(s, 0, 1);
    s = finishRound(s, 1, 'lc', [{ trainedOn: 1, holdout: 1, accuracy: 1, labels: 'chosen' }], [q(2, false, 0), q(4, false, 1), q(3, true, 0)]);
    expect(s.pending).toBeNull();
    expect(s.answered.map((b) => b.images)).toEqual([[0, 1], [2]]);
    expect(s.batch?.queue.map((x) => x.image)).toEqual([4, 3]);
    expect(s.batch?.by).toBe('lc');
    expect(s.estimates).toEqual([{ round: 1, trainedOn: 1, holdout: 1, accuracy: 1, labels: 'chosen' }]);
    expect(randomTrainingLabels(s)).toEqual([0, 2]);
  });
});
