import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { resnetSpec } from '../models/resnet.ts';
import { initWeights } from '../models/weights.ts';
import { createNetwork, disposeNetwork, readNetwork } from './network.ts';
import { Sgd } from './sgd.ts';
import { trainStep } from './step.ts';

describe('trainStep', () => {
  it('lowers the loss on a fixed batch, updates running statistics, and leaks no tensor', async () => {
    const spec = resnetSpec('resnet8', { inputShape: [8, 8, 3], numClasses: 4 });
    const x = tf.randomNormal([8, 8, 8, 3], 0, 1, 'float32', 3) as tf.Tensor4D;
    const labels = tf.tensor1d([0, 1, 2, 3, 0, 1, 2, 3], 'int32');
    const net = createNetwork(spec, initWeights(spec, 1));
    const sgd = new Sgd({ momentum: 0.9, weightDecay: 5e-4, nesterov: true });
    const losses: number[] = [];
    let before = -1;
    for (let i = 0; i < 6; i++) {
      if (i === 1) before = tf.memory().numTensors;
      const { loss, correct } = trainStep(net, sgd, { x, labels }, 0.05);
      losses.push((await loss.data())[0]!);
      expect((await correct.data())[0]).toBeGreaterThanOrEqual(0);
      loss.dispose();
      correct.dispose();
      if (i >= 1) expect(tf.memory().numTensors).toBe(before);
    }
    expect(losses[5]!).toBeLessThan(losses[0]!);
    const w = await readNetwork(net);
    expect([...w['stem.bn.mean']!.values].some((v) => v !== 0)).toBe(true);
    disposeNetwork(net);
    sgd.dispose();
    x.dispose();
    labels.dispose();
  });
});
