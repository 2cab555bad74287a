import { describe, expect, it } from 'vitest';
import { nearChance } from './nearChance.ts';

describe('near chance', () => {
  it('flags accuracies within three standard errors of chance on the test set', () => {
    // 10 classes, 100 test images: SE at chance = 3%, so the threshold is 19%.
    const v = nearChance([{ method: 'al', accuracy: 0.13 }, { method: 'prunefuse@0.5', accuracy: 0.45 }], 10, 100);
    expect(v.threshold).toBeCloseTo(0.19, 10);
    expect(v.near).toEqual(['al']);
    // A larger test set narrows it.
    expect(nearChance([{ method: 'al', accuracy: 0.13 }], 10, 10_000).near).toEqual([]);
  });
});
