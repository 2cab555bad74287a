import { describe, expect, it } from 'vitest';
import { UNKNOWN_LABEL } from '../experiment/oracle.ts';
import { sessionProblems } from './checkSession.ts';
import { answer, closeBatch, newSession, queueBatch, SKIPPED, type SessionSettings } from './session.ts';

const settings = { size: 8 } as SessionSettings;
const U = UNKNOWN_LABEL;
const im = { count: 6, size: 8, channels: 3 };

function sound() {
  let s = newSession('s', 'n', settings, ['a', 'b'], ['1', '2', '3', '4', '5', '6'], 3, [U, U, U, U, U, 1]);
  s = queueBatch(s, 0, 'random', [0, 1, 2].map((image) => ({ image, score: null, holdout: image === 1, guess: 0 })));
  s = closeBatch(answer(answer(answer(s, 0, 1), 1, 0), 2, SKIPPED));
  return answer(queueBatch(s, 1, 'lc', [{ image: 3, score: 0.2, holdout: false, guess: 1 }]), 0, 1);
}

describe('sessionProblems', () => {
  it('finds nothing wrong with a session the screen made', () => {
    expect(sessionProblems(sound(), im)).toEqual([]);
  });

  it('lists every problem, naming the field', () => {
    const s = { ...sound(), classes: ['only'], channels: 1, final: { at: 3 }, answered: [{ images: [0, 7], labels: [0, 0], holdout: [false, false] }] };
    expect(sessionProblems(s, im)).toEqual([
      'channels is 1 but the images have 3',
      'classes must be a list of at least two names',
      'labels[0] is 1, labels[5] is 1: a class is 0..0, or -1 for none',
      'batch.answers[0] is 1: a class is 0..0, -1 (not yet) or -2 (skipped)',
      'answered[0] is {"images":[0,7],"labels":[0,0],"holdout":[false,false]}: an answered batch has images (indices of images), labels (classes or skipped) and holdout, one each',
      'final is neither null nor {estimate, at}',
    ]);
  });

  it('shows the first three bad entries of a list and counts the rest', () => {
    const s = { ...sound(), names: [1, 2, 3, 4, '5', 6] };
    expect(sessionProblems(s, im)).toEqual(['names[0] is 1, names[1] is 2, names[2] is 3 (and 2 more): names are text']);
  });

  it('wants a class for every training and held-out image', () => {
    const s = sound();
    expect(sessionProblems({ ...s, labels: s.labels.map(() => U) }, im)).toEqual(['labels[0] is -1, labels[1] is -1, labels[5] is -1: a training or held-out image needs a class']);
  });

  it('refuses what is not a session at all', () => {
    expect(sessionProblems(null, im)).toEqual(['the session is missing or not an object']);
    expect(sessionProblems({ format: 1 }, im)).toContain('roles is missing or not a list');
  });
});
