import { describe, expect, it } from 'vitest';
import { resnetSpec } from '../models/resnet.ts';
import { initWeights } from '../models/weights.ts';
import { prune } from './prune.ts';
import { prunedSpec, pruningSummary } from './summary.ts';

describe('pruningSummary', () => {
  it('gives the widths prune() gives, without weights, for uniform pruning', () => {
    for (const model of ['resnet20', 'resnet164']) {
      const dense = resnetSpec(model);
      for (const ratio of [0.3, 0.5, 0.8]) {
        expect(prunedSpec(dense, ratio)).toEqual(prune(dense, initWeights(dense, 1), { ratio }).spec);
      }
    }
  });

  it('reports parameter and MAC ratios near (1 - p)^2 and the stage widths', () => {
    const s = pruningSummary(resnetSpec('resnet56'), 0.5);
    expect(s.stageWidths).toEqual([8, 16, 32]);
    expect(s.paramRatio).toBeGreaterThan(0.24);
    expect(s.paramRatio).toBeLessThan(0.26);
    expect(s.macRatio).toBeGreaterThan(0.24);
    expect(s.macRatio).toBeLessThan(0.26);
    expect(s.widths['s2.b3.conv1']).toBe(16);
    expect(pruningSummary(resnetSpec('resnet56'), 0).paramRatio).toBe(1);
  });
});
