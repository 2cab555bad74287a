import { describe, expect, it } from 'vitest';
import { planMethods } from '../../core/experiment/methods.ts';
import { hasSeveralRatios, methodName, metricName, selectorName } from './names.ts';

describe('plain names', () => {
  const plans = planMethods({ methods: ['al', 'prunefuse', 'prunefuse-nokd', 'svp'], ratio: [0.5, 0.7] });

  it('names methods in words, with the ratio only where several ratios ran', () => {
    expect(methodName(plans[0]!)).toBe('Active learning (dense model selects)');
    expect(methodName(plans[1]!)).toBe('PruneFuse');
    expect(methodName(plans[1]!, true)).toBe('PruneFuse, p = 0.5');
    expect(methodName(plans.at(-1)!, true)).toBe('SVP (small proxy selects)');
    expect(hasSeveralRatios(plans)).toBe(true);
    expect(hasSeveralRatios(planMethods({ methods: ['al', 'prunefuse'], ratio: [0.5] }))).toBe(false);
  });

  it('names the selector of a track, and falls back to the id', () => {
    expect(selectorName('al', plans)).toBe('dense model');
    expect(selectorName('pruned@0.7', plans)).toBe('pruned model (p = 0.7)');
    expect(selectorName('svp', plans)).toBe('small proxy');
    expect(selectorName('other', plans)).toBe('other');
  });

  it('names metrics', () => {
    expect(metricName('lc')).toBe('least confidence');
    expect(metricName('new')).toBe('new');
  });
});
