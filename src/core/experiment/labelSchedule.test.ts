import { describe, expect, it } from 'vitest';
import { labelCounts, labelFractions } from './labelSchedule.ts';

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
