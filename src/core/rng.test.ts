import { describe, expect, it } from 'vitest';
import { asSeed, rng } from './rng.ts';

describe('rng', () => {
  it('gives the same numbers for the same seed and stream, different ones otherwise', () => {
    const a = rng(7).fork('init');
    const b = rng(7).fork('init');
    const c = rng(7).fork('shuffle');
    const d = rng(8).fork('init');
    const draw = (r: ReturnType<typeof rng>) => Array.from({ length: 5 }, () => r.uint32());
    const first = draw(a);
    expect(draw(b)).toEqual(first);
    expect(draw(c)).not.toEqual(first);
    expect(draw(d)).not.toEqual(first);
  });

  it('forking does not advance the parent stream', () => {
    const a = rng(1);
    const b = rng(1);
    a.fork('x').uint32();
    expect(a.uint32()).toBe(b.uint32());
  });

  it('normal() has mean ~0 and variance ~1; float() is in [0, 1)', () => {
    const r = rng(3);
    let s = 0;
    let s2 = 0;
    const n = 20000;
    for (let i = 0; i < n; i++) {
      const v = r.normal();
      s += v;
      s2 += v * v;
      const u = r.float();
      expect(u >= 0 && u < 1).toBe(true);
    }
    expect(Math.abs(s / n)).toBeLessThan(0.03);
    expect(Math.abs(s2 / n - 1)).toBeLessThan(0.05);
  });

  it('permutation() is a permutation', () => {
    const p = Array.from(rng(5).permutation(100));
    expect([...p].sort((a, b) => a - b)).toEqual(Array.from({ length: 100 }, (_, i) => i));
    expect(p).not.toEqual(Array.from({ length: 100 }, (_, i) => i));
  });

  it('rejects seeds that are not 32-bit integers', () => {
    expect(() => asSeed(-1)).toThrow(/seed/);
    expect(() => asSeed(1.5)).toThrow(/seed/);
    expect(() => asSeed(2 ** 32)).toThrow(/seed/);
  });
});
