import { describe, expect, it } from 'vitest';
import { labelCounts } from './classCounts.ts';

describe('labelCounts', () => {
  it('counts each class, and only labels in range', () => {
    expect(labelCounts([0, 2, 2, 1, 2, 5, -1], 3)).toEqual([1, 1, 3]);
    expect(labelCounts(new Int32Array(0), 2)).toEqual([0, 0]);
  });
});
