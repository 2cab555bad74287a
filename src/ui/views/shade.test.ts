import { describe, expect, it } from 'vitest';
import { contrast, shade } from './shade.ts';

describe('shade', () => {
  it('keeps text contrast at WCAG AA (4.5:1) at every depth, measured on the colours it returns', () => {
    const rgb = (h: string): [number, number, number] => [1, 3, 5].map((i) => parseInt(h.slice(i, i + 2), 16)) as [number, number, number];
    for (let k = 0; k <= 200; k++) {
      const s = shade(k / 200);
      expect(contrast(rgb(s.background), rgb(s.color))).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('is white with black text at 0 and deep with white text at 1', () => {
    expect(shade(0)).toMatchObject({ background: '#ffffff', color: '#000000' });
    expect(shade(1).color).toBe('#ffffff');
    expect(shade(Number.NaN).background).toBe('#ffffff');
    expect(shade(2).background).toBe(shade(1).background);
  });

  it('computes contrast as WCAG does', () => {
    expect(contrast([0, 0, 0], [255, 255, 255])).toBeCloseTo(21, 5);
    expect(contrast([118, 118, 118], [255, 255, 255])).toBeCloseTo(4.54, 2);
  });
});
