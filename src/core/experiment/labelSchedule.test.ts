import { describe, expect, it } from 'vitest';
import { labelCounts, labelFractions, minimumPool } from './labelSchedule.ts';

describe('label schedule', () => {
  it('gives 2%, 10%, 20%, ... exactly up to the budget', () => {
    expect(labelFractions([0.02, 0.08, 0.1], 0.3)).toEqual([0.02, 0.1, 0.2, 0.3]);
    expect(labelFractions([0.02, 0.08, 0.1], 0.5)).toEqual([0.02, 0.1, 0.2, 0.3, 0.4, 0.5]);
    expect(labelFractions([0.02, 0.08, 0.1], 0.1)).toEqual([0.02, 0.1]);
    expect(labelFractions([0.02, 0.08, 0.1], 0.25)).toEqual([0.02, 0.1, 0.2, 0.25]);
    expect(labelFractions([0.05], 0.2)).toEqual([0.05, 0.1, 0.15, 0.2]);
  });

  it('turns fractions into labelled-set sizes for a pool', () => {
    expect(labelCounts([0.02, 0.1, 0.2, 0.3], 5000)).toEqual([100, 500, 1000, 1500]);
    expect(labelCounts([0.02, 0.1, 0.2, 0.3], 200)).toEqual([4, 20, 40, 60]);
    expect(labelCounts([0.02, 0.1], 10)).toEqual([1, 2]);
  });
});

describe('minimumPool', () => {
  it('is the smallest pool whose initial fraction labels an image, and at least one image per round', () => {
    expect(minimumPool(labelFractions([0.02, 0.08, 0.1], 0.3))).toBe(25);
    expect(minimumPool(labelFractions([0.5], 0.5))).toBe(1);
    expect(minimumPool(labelFractions([0.25, 0.01], 0.5))).toBe(26);
    for (const [schedule, budget] of [[[0.02, 0.08, 0.1], 0.3], [[0.1], 0.5], [[0.013, 0.07], 0.45]] as const) {
      const fractions = labelFractions(schedule, budget);
      const n = minimumPool(fractions);
      expect(Math.round(fractions[0]! * n)).toBeGreaterThanOrEqual(1);
      expect(n).toBeGreaterThanOrEqual(fractions.length);
      expect(Math.round(fractions[0]! * (n - 1)) < 1 || n - 1 < fractions.length).toBe(true);
    }
  });
});

describe('labelFractions with a budget of many decimals', () => {
  it('ends at the budget instead of looping below it', () => {
    expect(labelFractions([0.1], 0.2065437374)).toEqual([0.1, 0.2, 0.206543737]);
    expect(labelFractions([0.02, 0.08, 0.1], 0.30000000001)).toEqual([0.02, 0.1, 0.2, 0.3]);
  });
});
