import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { trainOnWasm } from '../../testing/backends.ts';
import { syntheticDataset } from '../../testing/syntheticDataset.ts';
import { UNKNOWN_LABEL } from '../experiment/oracle.ts';
import { selectorRound, type LabellingSettings, type LabellingState } from './selectorRound.ts';
import { randomBatch } from './randomBatch.ts';
import { finishSession } from './finish.ts';
import { createNetwork, disposeNetwork } from '../train/network.ts';
import { assess } from '../train/predict.ts';
import { labellingSource } from './selectorRound.ts';

const data = syntheticDataset({ train: 160, test: 10, size: 8 });
const settings: LabellingSettings = {
  model: 'resnet8', ratio: 0.5, metric: 'lc', epochs: 3, batch: 16, lr: 0.05, lrSchedule: 'cosine', momentum: 0.9, wd: 5e-4, augment: false, seed: 1,
  batchSize: 20, holdoutShare: 0.2,
};

/** A fresh state: nothing labelled; `label` plays the person, answering with the dataset's labels. */
function fresh(): LabellingState {
  return { images: { ...data.train, labels: new Int32Array(data.train.count).fill(UNKNOWN_LABEL) }, classes: 4, roles: Array(data.train.count).fill('unlabelled'), round: 0 };
}
function label(state: LabellingState, queue: Array<{ image: number; holdout: boolean }>): void {
  for (const q of queue) {
    state.images.labels[q.image] = data.train.labels[q.image]!;
    state.roles[q.image] = q.holdout ? 'holdout' : 'train';
  }
  state.round += 1;
}

trainOnWasm();

describe('the labelling loop', () => {
  it('starts with a random batch, a share of it held out', () => {
    const q = randomBatch(fresh(), settings);
    expect(q).toHaveLength(20);
    expect(new Set(q.map((x) => x.image)).size).toBe(20);
    expect(q.filter((x) => x.holdout)).toHaveLength(4);
    expect(randomBatch(fresh(), settings)).toEqual(q);
  });

  it('trains the pruned selector on the given labels, estimates on the held-out ones and queues the hardest unlabelled images with guesses; Finish fuses and distils', async () => {
    const state = fresh();
    label(state, randomBatch(state, settings));
    const before = tf.memory().numTensors;
    const a = await selectorRound(state, settings, { cancelled: () => false });
    expect(tf.memory().numTensors).toBe(before);
    expect(a.estimate).toMatchObject({ holdout: 4, trainedOn: 16 });
    expect(a.estimate!.accuracy).toBeGreaterThanOrEqual(0);
    expect(a.queue).toHaveLength(20);
    expect(a.queue.filter((q) => q.holdout)).toHaveLength(4);
    expect(a.queue.every((q) => state.roles[q.image] === 'unlabelled' && (q.holdout ? q.guess === UNKNOWN_LABEL : q.guess >= 0 && q.guess < 4))).toBe(true);
    expect(new Set(a.queue.map((q) => q.image)).size).toBe(20);
    // Hardest first: least-confidence scores do not increase along the queue.
    const scores = a.queue.filter((q) => !q.holdout).map((q) => q.score!);
    expect(scores).toEqual([...scores].sort((x, y) => y - x));
    // Same labels, same seed: the same queue.
    const again = await selectorRound(state, settings, { cancelled: () => false });
    expect(again.queue).toEqual(a.queue);
    // The person labels the queue; the next round trains on more.
    label(state, a.queue);
    const random = state.roles.flatMap((r, i) => (r === 'train' && !a.queue.some((q) => q.image === i) ? [i] : []));
    const b = await selectorRound({ ...state, randomTrain: random }, settings, { cancelled: () => false });
    expect(tf.memory().numTensors).toBe(before);
    expect(b.estimate).toMatchObject({ holdout: 8, trainedOn: 32 });
    // The random-selection baseline: the same selector on the 16 random labels only, on the same held-out labels.
    expect(b.baseline).toMatchObject({ holdout: 8, trainedOn: 16 });
    expect(a.baseline).toBeNull();
    const plain = await selectorRound(state, settings, { cancelled: () => false });
    expect(plain.baseline).toBeNull();
    expect(plain.queue).toEqual(b.queue);

    // Finish: fuse θp* into the dense network, distil, estimate on the held-out labels; the weights evaluate to it.
    const final = await finishSession(state, { ...settings, lambda: 0.5, T: 4 }, b.selector, { cancelled: () => false });
    expect(tf.memory().numTensors).toBe(before);
    expect(final.spec.model).toBe('resnet8');
    expect(final.estimate).toMatchObject({ holdout: 8, trainedOn: 32 });
    const net = createNetwork(final.spec, final.weights);
    const holdout = state.roles.flatMap((r, i) => (r === 'holdout' ? [i] : []));
    expect((await assess(net, labellingSource(state), holdout)).accuracy).toBe(final.estimate!.accuracy);
    disposeNetwork(net);
  });

  it('refuses to train with no labels', async () => {
    await expect(selectorRound(fresh(), settings, { cancelled: () => false })).rejects.toThrow('no training labels yet');
  });
});
