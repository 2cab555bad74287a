import { describe, expect, it } from 'vitest';
import { planMethods } from '../../core/experiment/methods.ts';
import { methodsOnTrack, selectorName } from './selectorName.ts';

describe('selector names', () => {
  const plans = planMethods({ methods: ['al', 'prunefuse', 'prunefuse-nokd', 'svp'], ratio: [0.5, 0.7] });

  it('names the selector of a track, and falls back to the id', () => {
    expect(selectorName('al', plans)).toBe('dense model');
    expect(selectorName('pruned@0.7', plans)).toBe('pruned model (p = 0.7)');
    expect(selectorName('svp', plans)).toBe('small proxy');
    expect(selectorName('other', plans)).toBe('other');
  });

  it('lists the methods a track selects for, in plain names', () => {
    expect(methodsOnTrack('al', plans)).toBe('Active learning (dense model selects)');
    expect(methodsOnTrack('pruned@0.5', plans).split('; ')).toHaveLength(2);
    expect(methodsOnTrack('pruned@0.5', plans)).toContain('p = 0.5');
    expect(methodsOnTrack('other', plans)).toBe('');
  });
});
