import { describe, expect, it } from 'vitest';
import { readConfusion } from './confusion.ts';

describe('readConfusion', () => {
  it('reads rows as true classes: row sums are class sizes, the diagonal over them is accuracy', () => {
    // true 0: 3 right, 1 taken for class 2; true 1: 2 right; true 2: none in the test set.
    const m = readConfusion([3, 0, 1, 0, 2, 0, 0, 0, 0]);
    expect(m.classes).toBe(3);
    expect(m.rows).toEqual([[3, 0, 1], [0, 2, 0], [0, 0, 0]]);
    expect(m.totals).toEqual([4, 2, 0]);
    expect(m.correct).toEqual([3, 2, 0]);
    expect(m.accuracy).toEqual([0.75, 1, null]);
  });

  it('refuses counts that are not a square matrix', () => {
    expect(() => readConfusion([1, 2, 3])).toThrow(/3 counts is not a square/);
    expect(() => readConfusion([])).toThrow(RangeError);
  });
});
