// The threaded wasm build in Node (its own test file: a process starts the wasm backend only once).
import * as tf from '@tensorflow/tfjs-core';
import { afterAll, describe, expect, it } from 'vitest';
import { selectBackend } from './backend.ts';

afterAll(async () => {
  await tf.setBackend('cpu');
});

describe('selectBackend with threads (Node)', () => {
  it('starts wasm on two threads and computes what the cpu backend computes', async () => {
    const conv = () => tf.tidy(() => {
      const x = tf.reshape(tf.sin(tf.range(0, 4 * 9 * 9 * 8)), [4, 9, 9, 8]) as tf.Tensor4D;
      const w = tf.reshape(tf.cos(tf.range(0, 3 * 3 * 8 * 16)), [3, 3, 8, 16]) as tf.Tensor4D;
      return tf.conv2d(x, w, 2, 'same');
    });
    const want = await conv().data();
    const choice = await selectBackend(undefined, { threads: 2 });
    expect(choice).toMatchObject({ name: 'wasm', threads: 2 });
    expect(choice.reason).toMatch(/2 threads/);
    const got = await conv().data();
    let err = 0;
    for (let i = 0; i < want.length; i++) err = Math.max(err, Math.abs(got[i]! - want[i]!));
    expect(err).toBeLessThan(1e-4);
  });
});
