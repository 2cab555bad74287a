import { describe, expect, it } from 'vitest';
import { fractionLabel, pctTick, pctValue } from './format.ts';

describe('chart number formats', () => {
  it('pctTick shows whole percentages, and one decimal where the tick step needs it', () => {
    expect([0, 0.25, 0.5, 1].map(pctTick)).toEqual(['0%', '25%', '50%', '100%']);
    expect([0.075, 0.1, 0.125].map(pctTick)).toEqual(['7.5%', '10%', '12.5%']);
    expect(pctTick(0.30000000000000004)).toBe('30%');
  });
  it('fraction labels and tooltip values', () => {
    expect(fractionLabel(0.02)).toBe('2%');
    expect(fractionLabel(0.125)).toBe('12.5%');
    expect(fractionLabel(0.0625)).toBe('6.25%');
    expect(pctValue(0.3724)).toBe('37.2%');
  });
});
