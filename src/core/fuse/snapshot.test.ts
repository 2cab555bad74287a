import { describe, expect, it } from 'vitest';
import { resnetSpec } from '../models/resnet.ts';
import { initWeights, kernelKey, type TensorData } from '../models/weights.ts';
import { keptChannelsOf, prune } from '../prune/prune.ts';
import { fuse } from './fuse.ts';
import { fusionLayers, fusionSnapshot, kernelNorms, roundDigits } from './snapshot.ts';

/** Brute force: the norm of the kernel from input channel i to output channel o of a [kh, kw, in, out] weight. */
function entryNorm(k: TensorData, o: number, i: number): number {
  const [kh, kw, cin, cout] = k.shape as [number, number, number, number];
  let s = 0;
  for (let a = 0; a < kh; a++) for (let b = 0; b < kw; b++) s += k.values[((a * kw + b) * cin + i) * cout + o]! ** 2;
  return Math.sqrt(s);
}

describe('fusion snapshot', () => {
  it('picks the first 3x3 conv of each stage, at most 64 x 64', () => {
    expect(fusionLayers(resnetSpec('resnet20')).map((l) => [l.name, l.outC, l.inC])).toEqual([['s1.b0.conv1', 16, 16], ['s2.b0.conv1', 32, 16], ['s3.b0.conv1', 64, 32]]);
    expect(fusionLayers(resnetSpec('resnet164')).map((l) => [l.name, l.outC, l.inC])).toEqual([['s1.b0.conv2', 16, 16], ['s2.b0.conv2', 32, 32], ['s3.b0.conv2', 64, 64]]);
  });

  it('computes every kernel norm as rows = output, columns = input channels', () => {
    const w = initWeights(resnetSpec('resnet8'), 3)[kernelKey('s2.b0.conv1')]!;
    const n = kernelNorms(w);
    expect(n.length).toBe(32 * 16);
    for (const [o, i] of [[0, 0], [31, 15], [7, 12]] as const) expect(n[o * 16 + i]).toBeCloseTo(entryNorm(w, o, i), 12);
    expect(() => kernelNorms({ shape: [3, 3], values: new Float32Array(9) })).toThrow(/4 axes/);
  });

  it('rounds to 4 significant digits', () => {
    expect(roundDigits(0.000123456)).toBe(0.0001235);
    expect(roundDigits(12.3456)).toBe(12.35);
    expect(roundDigits(0)).toBe(0);
  });

  it('records the fused weights: copied at kept rows and columns, initial elsewhere', () => {
    const spec = resnetSpec('resnet8');
    const init = initWeights(spec, 1);
    const p = prune(spec, init, { ratio: 0.5 });
    // A "trained" pruned network: its weights scaled, so copied entries differ from the initial ones.
    const trained = Object.fromEntries(Object.entries(p.weights).map(([k, v]) => [k, { shape: v.shape, values: v.values.map((x) => x * 3) }]));
    const snap = fusionSnapshot(spec, fuse(spec, init, trained, p.kept), 2);
    expect(snap.round).toBe(2);
    const kept = keptChannelsOf(p.groups);
    const layer = snap.layers[1]!;
    expect(layer).toMatchObject({ layer: 's2.b0.conv1', rows: 32, cols: 16 });
    const [rows, cols] = [new Set(kept['s2.b0.conv1']), new Set(kept['s1.b0.conv2'])];
    const w = init[kernelKey('s2.b0.conv1')]!;
    for (let o = 0; o < 32; o++) {
      for (let i = 0; i < 16; i++) {
        const scale = rows.has(o) && cols.has(i) ? 3 : 1;
        expect(layer.norms[o * 16 + i]).toBeCloseTo(roundDigits(scale * entryNorm(w, o, i)), 6);
      }
    }
  });
});
