import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { rng } from '../rng.ts';
import type { BatchSource } from './batchSource.ts';
import { prepareBatch } from './prepareBatch.ts';

// 3 images of 2 x 2 x 1: image i holds the values 10i .. 10i + 3.
const source: BatchSource = {
  height: 2, width: 2, channels: 1, numClasses: 3, labels: Int32Array.from([2, 0, -1]),
  pixels: (indices) => Float32Array.from(Array.from(indices).flatMap((i) => [0, 1, 2, 3].map((k) => 10 * i + k))),
};

describe('prepareBatch', () => {
  it('makes the images and labels tensors of a batch (augmented with a stream)', async () => {
    const plain = prepareBatch(source, [1, 0]);
    expect(plain.x.shape).toEqual([2, 2, 2, 1]);
    expect([...(await plain.x.data())]).toEqual([10, 11, 12, 13, 0, 1, 2, 3]);
    expect([...(await plain.labels.data())]).toEqual([0, 2]);
    const augmented = prepareBatch(source, [1, 0], rng(3, 'augment'));
    expect(augmented.x.shape).toEqual([2, 2, 2, 1]);
    tf.dispose([plain.x, plain.labels, augmented.x, augmented.labels]);
  });

  it('refuses an image without a label, naming it, before making any tensor', () => {
    const before = tf.memory().numTensors;
    expect(() => prepareBatch(source, [0, 2])).toThrow('training image 2 has no label');
    expect(tf.memory().numTensors).toBe(before);
  });
});
