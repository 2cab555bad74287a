import { describe, expect, it } from 'vitest';
import { resnetSpec } from '../models/resnet.ts';
import { layerNorms } from '../fuse/snapshot.ts';
import { initWeights } from '../models/weights.ts';
import { InitCache, initialNorms, previewPruning, previewSummaries } from './preview.ts';
import { prune } from './prune.ts';
import { pruningSummary } from './summary.ts';

describe('pruning preview', () => {
  const request = { model: 'resnet20', seed: 3, ratios: [0.5, 0.7], scope: 'global' as const, criterion: 'l2' as const };

  it('gives the groups a run records, per ratio', () => {
    const spec = resnetSpec('resnet20');
    const weights = initWeights(spec, 3);
    const got = previewPruning(request);
    expect(got.map((r) => r.ratio)).toEqual([0.5, 0.7]);
    expect(got[1]!.groups).toEqual(prune(spec, weights, { ratio: 0.7, scope: 'global' }).groups);
  });

  it('gives the summaries pruningSummary gives, global scope included', () => {
    const dense = resnetSpec('resnet20');
    expect(previewSummaries(request)).toEqual([0.5, 0.7].map((p) => pruningSummary(dense, p, 'global', 3)));
    expect(previewSummaries({ ...request, scope: 'uniform' })[0]).toEqual(pruningSummary(dense, 0.5));
  });

  it('keeps the initial weights of the last network asked for, and starts over for another', () => {
    const cache = new InitCache();
    const spec = resnetSpec('resnet8');
    const a = cache.weightsOf({ model: 'resnet8', seed: 1 }, spec);
    expect(cache.weightsOf({ model: 'resnet8', seed: 1 }, spec)).toBe(a);
    expect(cache.weightsOf({ model: 'resnet8', seed: 2 }, spec)).not.toBe(a);
    expect(initialNorms({ model: 'resnet8', seed: 2 }, cache)).toEqual(layerNorms(spec, initWeights(spec, 2)));
  });
});
