import { describe, expect, it } from 'vitest';
import { countParams } from '../models/count.ts';
import { resnetSpec } from '../models/resnet.ts';
import { convLayersOf } from '../models/spec.ts';
import { initWeights, kernelKey, type TensorData } from '../models/weights.ts';
import { channelGroups } from './groups.ts';
import { keptCount, prune } from './prune.ts';

/** Brute-force L2 norm of output filter o of a [kh, kw, in, out] kernel. */
function norm(k: TensorData, o: number): number {
  const [kh, kw, cin, cout] = k.shape as [number, number, number, number];
  let s = 0;
  for (let i = 0; i < kh; i++) for (let j = 0; j < kw; j++) for (let c = 0; c < cin; c++) s += k.values[((i * kw + j) * cin + c) * cout + o]! ** 2;
  return Math.sqrt(s);
}

function bruteForceKept(scores: number[], k: number): number[] {
  return scores.map((s, i) => ({ s, i })).sort((a, b) => b.s - a.s).slice(0, k).map((x) => x.i).sort((a, b) => a - b);
}

describe('channel groups', () => {
  it('tie each stage stem/shortcut with every block output of the stage', () => {
    const groups = channelGroups(resnetSpec('resnet20')).filter((g) => g.members.length > 1);
    expect(groups.map((g) => g.members)).toEqual([
      ['stem', 's1.b0.conv2', 's1.b1.conv2', 's1.b2.conv2'],
      ['s2.b0.conv2', 's2.b0.shortcut', 's2.b1.conv2', 's2.b2.conv2'],
      ['s3.b0.conv2', 's3.b0.shortcut', 's3.b1.conv2', 's3.b2.conv2'],
    ]);
    const bottleneck = channelGroups(resnetSpec('resnet164')).filter((g) => g.members.length > 1);
    expect(bottleneck[0]!.members.slice(0, 3)).toEqual(['s1.b0.conv3', 's1.b0.shortcut', 's1.b1.conv3']);
    expect(bottleneck[0]!.width).toBe(64);
  });
});

describe('prune', () => {
  const spec = resnetSpec('resnet20');
  const weights = initWeights(spec, 11);

  it('keeps exactly the top-L2 channels of each single layer', () => {
    const { kept } = prune(spec, weights, { ratio: 0.5 });
    for (const layer of ['s1.b0.conv1', 's2.b1.conv1', 's3.b2.conv1']) {
      const k = weights[kernelKey(layer)]!;
      const c = k.shape[3]!;
      const scores = Array.from({ length: c }, (_, o) => norm(k, o));
      expect(kept[layer]).toEqual(bruteForceKept(scores, Math.floor(c / 2)));
    }
  });

  it('scores a residual group by the mean of its members and shares the indices', () => {
    const { kept } = prune(spec, weights, { ratio: 0.7 });
    for (const g of channelGroups(spec)) {
      const scores = Array.from({ length: g.width }, (_, o) => g.members.reduce((s, m) => s + norm(weights[kernelKey(m)]!, o), 0) / g.members.length);
      const want = bruteForceKept(scores, Math.floor(g.width * 0.3 + 1e-9));
      for (const m of g.members) expect(kept[m]).toEqual(want);
    }
  });

  it('builds a physically narrower network whose weights are slices of the dense ones', () => {
    const p = prune(spec, weights, { ratio: 0.5 });
    expect(p.spec.stem).toBe(8);
    expect(p.spec.stages.map((s) => s[0]!.widths)).toEqual([[8, 8], [16, 16], [32, 32]]);
    const layer = 's2.b0.conv1';
    const dense = weights[kernelKey(layer)]!;
    const small = p.weights[kernelKey(layer)]!;
    expect(small.shape).toEqual([3, 3, 8, 16]);
    const [inK, outK] = [p.kept['s1.b2.conv2']!, p.kept[layer]!];
    for (const [i, j, a, b] of [[0, 0, 0, 0], [1, 2, 3, 7], [2, 1, 7, 15]] as const) {
      expect(small.values[((i * 3 + j) * 8 + a) * 16 + b]).toBe(dense.values[((i * 3 + j) * 16 + inK[a]!) * 32 + outK[b]!]);
    }
    expect(p.weights['fc.kernel']!.shape).toEqual([32, 10]);
    expect(p.weights['fc.bias']!.values).toEqual(weights['fc.bias']!.values);
    expect(p.weights['stem.kernel']!.shape).toEqual([3, 3, 3, 8]);
  });

  it('matches the paper: ResNet-56 0.85 M parameters, 0.21 M at p = 0.5 (within 3%)', () => {
    const dense = resnetSpec('resnet56');
    const p = prune(dense, initWeights(dense, 0), { ratio: 0.5 });
    expect(Math.abs(countParams(dense) / 0.85e6 - 1)).toBeLessThan(0.03);
    expect(Math.abs(countParams(p.spec) / 0.21e6 - 1)).toBeLessThan(0.03);
  });

  it('keeps floor(c (1 - p)) channels, at least one, and nothing at p = 0', () => {
    expect(keptCount(16, 0.5)).toBe(8);
    expect(keptCount(16, 0.7)).toBe(4);
    expect(keptCount(64, 0.8)).toBe(12);
    expect(keptCount(16, 0.99)).toBe(1);
    const p0 = prune(spec, weights, { ratio: 0 });
    expect(p0.spec).toEqual(spec);
    expect(p0.weights['s3.b1.conv2.kernel']!.values).toEqual(weights['s3.b1.conv2.kernel']!.values);
  });

  it('global scope ranks all channels together within the same channel budget', () => {
    const uniform = prune(spec, weights, { ratio: 0.6 });
    const global = prune(spec, weights, { ratio: 0.6, scope: 'global' });
    const total = (k: Record<string, number[]>) => channelGroups(spec).reduce((s, g) => s + k[g.members[0]!]!.length, 0);
    expect(total(global.kept)).toBe(total(uniform.kept));
    expect(convLayersOf(global.spec).every((l) => l.outC >= 1)).toBe(true);
    expect(convLayersOf(global.spec).map((l) => l.outC)).not.toEqual(convLayersOf(uniform.spec).map((l) => l.outC));
  });

  it('rejects a ratio outside [0, 1) and weights that do not fit the spec', () => {
    expect(() => prune(spec, weights, { ratio: 1 })).toThrow(/pruning ratio must be in \[0, 1\), got 1/);
    expect(() => prune(spec, weights, { ratio: -0.1 })).toThrow(/pruning ratio/);
    expect(() => prune(spec, weights, { ratio: Number.NaN })).toThrow(/pruning ratio/);
    expect(() => prune(resnetSpec('resnet32'), weights, { ratio: 0.5 })).toThrow(/s1\.b3\.conv1\.kernel/);
  });
});
