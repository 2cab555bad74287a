import { describe, expect, it } from 'vitest';
import { overlapOf, selectionOverlap } from './selectionOverlap.ts';

const sel = (round: number, images: number[]) => ({ round, images, scores: null });

describe('selection overlap', () => {
  it('is |A ∩ B| / |B|, with B the reference', () => {
    expect(overlapOf([1, 2, 3, 4], [3, 4, 5, 6, 7])).toEqual({ shared: 2, reference: 5, fraction: 0.4 });
    expect(overlapOf([1, 2], [1])).toEqual({ shared: 1, reference: 1, fraction: 1 });
    expect(overlapOf([1], [])).toEqual({ shared: 0, reference: 0, fraction: 0 });
  });

  it('pairs rounds by number and skips rounds only one track selected in', () => {
    const pruned = [sel(1, [10, 11]), sel(0, [1, 2, 3, 4])];
    const al = [sel(0, [2, 4, 6, 8]), sel(1, [12, 13]), sel(2, [1])];
    expect(selectionOverlap(pruned, al)).toEqual([
      { round: 0, shared: 2, reference: 4, fraction: 0.5 },
      { round: 1, shared: 0, reference: 2, fraction: 0 },
    ]);
  });
});
