import { describe, expect, it } from 'vitest';
import { labelledImages, labelledSets } from './labelledSets.ts';

const results = {
  initial: [5, 6],
  tracks: [
    { id: 'al', selector: { model: 'resnet8', params: 0, macs: 0 }, selections: [{ round: 1, images: [9], scores: null }, { round: 0, images: [1, 2], scores: [0.9, 0.8] }] },
    { id: 'pruned@0.5', selector: { model: 'resnet8', params: 0, macs: 0 }, selections: [{ round: 0, images: [2, 3], scores: null }] },
  ],
};

describe('labelledSets', () => {
  it('is the initial set, then grows by each round selection in round order', () => {
    expect(labelledSets(results, 'al')).toEqual([
      { round: 0, images: [5, 6], added: 0 },
      { round: 1, images: [5, 6, 1, 2], added: 2 },
      { round: 2, images: [5, 6, 1, 2, 9], added: 1 },
    ]);
  });

  it('is empty for a track the run lacks', () => {
    expect(labelledSets(results, 'svp')).toEqual([]);
  });

  it('lists every labelled image once', () => {
    expect(labelledImages(results).sort((a, b) => a - b)).toEqual([1, 2, 3, 5, 6, 9]);
  });
});
