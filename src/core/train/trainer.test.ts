import { describe, expect, it } from 'vitest';
import { resnetSpec } from '../models/resnet.ts';
import { initWeights } from '../models/weights.ts';
import { syntheticDataset } from '../../testing/syntheticDataset.ts';
import { rng } from '../rng.ts';
import { channelStats, toFloatBatch } from '../data/stats.ts';
import { createNetwork, disposeNetwork } from './network.ts';
import { train } from './trainer.ts';

describe('train', () => {
  it('gives the host a turn every few steps, also when an epoch is a single step (cancel and stop get in)', async () => {
    const data = syntheticDataset({ train: 8, test: 1, size: 8 });
    const stats = channelStats(data.train);
    const source = { height: 8, width: 8, channels: 3, numClasses: 4, labels: data.train.labels, pixels: (i: readonly number[]) => toFloatBatch(data.train, i, stats) };
    const spec = resnetSpec('resnet8', { inputShape: [8, 8, 3], numClasses: 4 });
    const net = createNetwork(spec, initWeights(spec, 1));
    let turns = 0;
    await train(net, source, [0, 1, 2, 3, 4, 5, 6, 7], {
      epochs: 8, batchSize: 8, lr: 0.05, lrSchedule: 'cosine', momentum: 0.9, weightDecay: 5e-4, augment: false, rng: rng(1),
      yieldNow: async () => void (turns += 1),
    });
    disposeNetwork(net);
    expect(turns).toBe(2);
  });
});
