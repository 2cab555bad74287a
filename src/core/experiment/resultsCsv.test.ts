import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../config/runConfig.ts';
import type { RunResults } from './events.ts';
import { roundsCsv, selectionsCsv } from './resultsCsv.ts';

const results = {
  format: 2, config: defaultConfig(), backend: 'wasm', complete: true, fractions: [0.02, 0.1], initial: [3, 1],
  dataset: { id: 'd', name: 'D', poolSize: 100, testSize: 50, classes: 10 }, startedAt: 'x', seconds: 1,
  methods: [{
    method: 'prunefuse@0.5', base: 'prunefuse', track: 'pruned@0.5', start: 'fused', kd: true, ratio: 0.5,
    selector: { model: 'resnet20', params: 1, macs: 1 }, target: { model: 'resnet20', params: 1, macs: 1 }, curves: [],
    rounds: [0, 1].map((round) => ({ round, labeled: 2 + 8 * round, fraction: [0.02, 0.1][round]!, selectorAccuracy: 0.1, targetAccuracy: 0.25, selectionFlops: 5, cumulativeSelectionFlops: 5 * (round + 1), targetFlops: 7, seconds: { train: 1, inference: 2, ranking: 0.5 }, cumulativeSelectionSeconds: 3.5, targetSeconds: 4 })),
  }],
  tracks: [{ id: 'pruned@0.5', selector: { model: 'resnet20', params: 1, macs: 1 }, selections: [{ round: 0, images: [9, 4], scores: [0.9, 0.7] }] }],
} as unknown as RunResults;

describe('results CSV', () => {
  it('has one row per method and round with the table numbers', () => {
    const lines = roundsCsv(results).trim().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]!.split(',')).toHaveLength(19);
    expect(lines[2]).toBe('prunefuse@0.5,prunefuse,pruned@0.5,fused,true,0.5,1,10,0.1,0.1,0.25,5,10,7,1,2,0.5,3.5,4');
  });

  it('lists the initial set and every selection with its rank and score', () => {
    expect(selectionsCsv(results)).toBe('track,methods,round,rank,image,score\npruned@0.5,prunefuse@0.5,-1,0,3,\npruned@0.5,prunefuse@0.5,-1,1,1,\npruned@0.5,prunefuse@0.5,0,0,9,0.9\npruned@0.5,prunefuse@0.5,0,1,4,0.7\n');
  });
});
