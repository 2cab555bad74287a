import { describe, expect, it } from 'vitest';
import { resnetSpec } from '../../core/models/resnet.ts';
import { initWeights } from '../../core/models/weights.ts';
import { pruningGroups } from '../../core/prune/prune.ts';
import { BAR, groupBars, groupLabel, pruningLayout } from './pruningBars.ts';

const rects = (path: string) => [...path.matchAll(/M([\d.]+) ([\d.]+)h\d+v([\d.]+)/g)].map((m) => ({ x: Number(m[1]), y: Number(m[2]), h: Number(m[3]) }));

describe('pruning bars', () => {
  const group = { members: ['s1.b0.conv1'], scores: [1, 3, 2, 4], kept: [1, 3] };

  it('draws one bar per channel, kept and pruned in separate paths, heights on the shared scale', () => {
    const b = groupBars(group, 4, 'channel', 1);
    expect(rects(b.keptPath)).toEqual([
      { x: 1 * (BAR.width + BAR.gap), y: BAR.height - 45, h: 45 },
      { x: 3 * (BAR.width + BAR.gap), y: 0, h: 60 },
    ]);
    expect(rects(b.prunedPath).map((r) => r.h)).toEqual([15, 30]);
    expect(b.cutY).toBe(BAR.height - 45);
    expect(b).toMatchObject({ width: 4, keptCount: 2, residual: false, stage: 1, order: [0, 1, 2, 3] });
  });

  it('orders by score: the kept channels come first, highest on the left', () => {
    const b = groupBars(group, 4, 'score');
    expect(b.order).toEqual([3, 1, 2, 0]);
    expect(rects(b.keptPath).map((r) => r.x)).toEqual([0, BAR.width + BAR.gap]);
  });

  it('lays out a real network: residual groups apart, single layers by stage, every channel once', () => {
    const spec = resnetSpec('resnet20');
    const groups = pruningGroups(spec, initWeights(spec, 0), { ratio: 0.5 });
    const layout = pruningLayout(spec, groups, 'channel');
    expect(layout.residual.map((g) => g.members.length)).toEqual([4, 4, 4]);
    expect(layout.residual[0]!.stage).toBe(0);
    expect(layout.stages.map((s) => s.map((g) => g.id))).toEqual([
      ['s1.b0.conv1', 's1.b1.conv1', 's1.b2.conv1'], ['s2.b0.conv1', 's2.b1.conv1', 's2.b2.conv1'], ['s3.b0.conv1', 's3.b1.conv1', 's3.b2.conv1'],
    ]);
    expect(layout.channels).toBe(16 + 32 + 64 + 3 * (16 + 32 + 64));
    expect(layout.keptChannels).toBe(layout.channels / 2);
    for (const g of [...layout.residual, ...layout.stages.flat()]) expect(rects(g.keptPath).length + rects(g.prunedPath).length).toBe(g.width);
    expect(layout.maxScore).toBe(Math.max(...groups.flatMap((g) => g.scores)));
  });

  it('names long groups briefly', () => {
    expect(groupLabel(['stem', 's1.b0.conv2'])).toBe('stem + s1.b0.conv2');
    expect(groupLabel(['stem', 'a', 'b', 'c'])).toBe('stem + a + 2 more');
  });
});
