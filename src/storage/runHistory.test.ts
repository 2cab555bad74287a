import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../core/config/runConfig.ts';
import type { RunResults } from '../core/experiment/events.ts';
import { summarise, type StoredRun } from './runHistory.ts';

const run: StoredRun = {
  id: 'r1', name: 'first', source: 'lab', createdAt: 'a', updatedAt: 'b', status: 'running', config: { ...defaultConfig(), ratio: [0.5, 0.7] }, backend: 'wasm',
  results: {
    fractions: [0.02, 0.1], dataset: { name: 'CIFAR-10 subset' },
    methods: [
      { method: 'al', rounds: [{ round: 0, selectorAccuracy: 0.2 }, { round: 1, selectorAccuracy: 0.3 }] },
      { method: 'prunefuse@0.5', rounds: [{ round: 0, selectorAccuracy: 0.1, targetAccuracy: 0.25 }] },
    ],
  } as unknown as RunResults,
};

describe('summarise', () => {
  it('gives the list what it shows, from the record alone', () => {
    expect(summarise(run)).toEqual({
      id: 'r1', name: 'first', source: 'lab', createdAt: 'a', updatedAt: 'b', status: 'running', error: null,
      dataset: 'CIFAR-10 subset', model: 'resnet20', ratios: [0.5, 0.7], backend: 'wasm', roundsDone: 3, roundsTotal: 4,
      finals: [{ method: 'al', accuracy: 0.3 }, { method: 'prunefuse@0.5', accuracy: 0.25 }],
    });
    expect(summarise({ ...run, results: null })).toMatchObject({ dataset: 'cifar10-subset', roundsDone: 0, roundsTotal: 0, finals: [] });
  });
});
