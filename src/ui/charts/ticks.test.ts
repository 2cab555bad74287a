import { describe, expect, it } from 'vitest';
import { niceTicks } from './axes.ts';
import { axisWidth, tickDigits, tickFormatter } from './ticks.ts';

describe('tick labels', () => {
  it('tickDigits gives the decimals a step of 1, 2 or 5 x 10^k needs', () => {
    expect([10, 5, 2, 1, 0.5, 0.2, 0.1, 0.05, 0.01, 0.002].map(tickDigits)).toEqual([0, 0, 0, 0, 1, 1, 1, 2, 2, 3]);
    expect(tickDigits(0.1 + 0.2 - 0.2)).toBe(1); // 0.10000000000000003
  });

  it('percent ticks print as many decimals as the step needs, every tick exactly', () => {
    const ticks = niceTicks(0.113, 0.127, 4, [0, 1]);
    expect(ticks.length).toBeGreaterThan(2);
    const f = tickFormatter(ticks, 'percent');
    const labels = ticks.map(f);
    expect(labels).toContain('11.5%');
    // Each label read back is its tick (to float noise): no two ticks print alike, none is rounded away.
    ticks.forEach((t, i) => expect(Number(labels[i]!.replace('%', '')) / 100).toBeCloseTo(t, 12));
    expect(new Set(labels).size).toBe(labels.length);
    expect(tickFormatter([0, 0.25, 0.5, 0.75, 1], 'percent')(0.5)).toBe('50%');
    expect(tickFormatter([0, 0.2, 0.4], 'percent')(0.2)).toBe('20%');
    expect(tickFormatter([0.1, 0.105, 0.11], 'percent')(0.105)).toBe('10.5%');
  });

  it('FLOP ticks share one SI prefix, with the decimals of the step', () => {
    const f = tickFormatter([0, 5e8, 1e9, 1.5e9], 'flops');
    expect([0, 5e8, 1e9, 1.5e9].map(f)).toEqual(['0', '0.5G', '1.0G', '1.5G']);
    expect(tickFormatter([2e6, 4e6, 6e6], 'flops')(4e6)).toBe('4M');
    expect(tickFormatter([0, 200, 400], 'flops')(400)).toBe('400');
  });

  it('plain numbers (seconds) follow the step too', () => {
    expect([0, 0.5, 1, 1.5].map(tickFormatter([0, 0.5, 1, 1.5], 'number'))).toEqual(['0.0', '0.5', '1.0', '1.5']);
    expect(tickFormatter([0, 20, 40], 'number')(40)).toBe('40');
    expect(tickFormatter([3], 'number')(3)).toBe('3');
  });

  it('an axis is wide enough for its longest label', () => {
    expect(axisWidth(['11.5%', '12.0%'])).toBeGreaterThan(axisWidth(['10%', '20%']));
    expect(axisWidth(['11.5%'])).toBeGreaterThanOrEqual(5 * 6.5 + 10);
    expect(axisWidth([])).toBeGreaterThan(0);
  });
});
