// The index arithmetic of convGeometry.ts against brute-force enumeration of the forward conv's reads.
import { describe, expect, it } from 'vitest';
import { filterGradPadding, phaseConv, phaseTap, phaseWindow, rowPhaseFilter, unionWindow } from './convGeometry.ts';

/** TF 'same' padding before the input, as tfjs computes it. */
function samePadBefore(size: number, k: number, stride: number): number {
  const out = Math.ceil(size / stride);
  return Math.floor(Math.max(0, (out - 1) * stride + k - size) / 2);
}

/** Every (input u, output i, tap a) with u = stride * i + a - padBefore inside the input. */
function reads(size: number, k: number, stride: number, padBefore: number): Array<[number, number, number]> {
  const out = Math.ceil(size / stride);
  const r: Array<[number, number, number]> = [];
  for (let i = 0; i < out; i++) {
    for (let a = 0; a < k; a++) {
      const u = stride * i + a - padBefore;
      if (u >= 0 && u < size) r.push([u, i, a]);
    }
  }
  return r;
}

const GRID = [1, 2, 3, 4, 5, 7, 8, 9, 16, 17].flatMap((size) => [1, 3].flatMap((k) => [1, 2, 3].map((stride) => ({ size, k, stride }))));

describe('filterGradPadding', () => {
  it.each(GRID)('spans exactly the input rows the forward conv reads: %o', ({ size, k, stride }) => {
    const pad = samePadBefore(size, k, stride);
    const out = Math.ceil(size / stride);
    const { before, after } = filterGradPadding(size, out, k, stride, pad);
    // The dilated conv reads padded row a + stride * i for tap a, output i: input row a + stride*i - before.
    expect(before + size + after).toBe((k - 1) + stride * (out - 1) + 1);
    expect(before).toBe(pad);
  });
});

describe('input gradient phases', () => {
  it.each(GRID)('cover every read of the forward conv exactly once: %o', ({ size, k, stride }) => {
    const pad = samePadBefore(size, k, stride);
    const out = Math.ceil(size / stride);
    const perPhase = Math.ceil(size / stride);
    const seen = new Set<string>();
    for (let r = 0; r < stride; r++) {
      const narrow = phaseWindow(k, stride, pad, r);
      if (narrow.eMax < narrow.eMin) continue;
      const { window: w, pad: [before, after] } = phaseConv(narrow, out, perPhase);
      expect(before).toBeGreaterThanOrEqual(0);
      expect(after).toBeGreaterThanOrEqual(0);
      // The conv over dy padded by [before, after] with eMax - eMin + 1 taps yields perPhase positions.
      expect(before + out + after - (w.eMax - w.eMin + 1) + 1).toBe(perPhase);
      for (let m = 0; m < perPhase; m++) {
        const u = stride * m + r;
        if (u >= size) continue;
        for (let e = w.eMin; e <= w.eMax; e++) {
          const a = phaseTap(k, stride, pad, r, e);
          const i = m + e;
          if (a >= 0 && i >= 0 && i < out) seen.add(`${u},${i},${a}`);
        }
      }
    }
    expect([...seen].sort()).toEqual(reads(size, k, stride, pad).map((t) => t.join(',')).sort());
  });

  it('puts each forward tap at its phase, flipped, with in and out channels swapped', () => {
    // 3x3, stride 2, even size (pad before 0): row phase 0 reads taps 2 then 0 (e = -1, 0), phase 1 tap 1.
    const [kh, kw, inC, outC] = [3, 3, 2, 3];
    const w = Float32Array.from({ length: kh * kw * inC * outC }, (_, i) => i + 1);
    const at = (a: number, b: number, ci: number, co: number) => w[((a * kw + b) * inC + ci) * outC + co]!;
    const cols = unionWindow(kw, 2, 0);
    expect(cols).toEqual({ eMin: -1, eMax: 0 });
    const rows0 = phaseWindow(kh, 2, 0, 0);
    const f0 = rowPhaseFilter(w, { kh, kw, inC, outC }, 2, { top: 0, left: 0 }, 0, rows0, cols);
    // f0: [2 rows, 2 cols, outC, 2 * inC]; row t = 0 is e = -1 (tap 2), column u = 1 is e = 0.
    const get = (f: Float32Array, t: number, u: number, co: number, ch: number) => f[((t * 2 + u) * outC + co) * 2 * inC + ch]!;
    expect(get(f0, 0, 1, 2, 1)).toBe(at(2, 0, 1, 2)); // column phase 0, e = 0: tap 0
    expect(get(f0, 0, 0, 1, inC + 0)).toBe(0); // column phase 1 has no tap at e = -1
    expect(get(f0, 1, 1, 0, inC + 1)).toBe(at(0, 1, 1, 0)); // column phase 1, e = 0: tap 1
    expect(phaseWindow(kh, 2, 0, 1)).toEqual({ eMin: 0, eMax: 0 });
    expect(phaseWindow(1, 2, 0, 1).eMax).toBeLessThan(phaseWindow(1, 2, 0, 1).eMin); // 1x1/2: odd rows get nothing
  });
});
