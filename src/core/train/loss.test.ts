import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { crossEntropy, distillationLoss } from './loss.ts';

const softmax = (z: number[]) => {
  const m = Math.max(...z);
  const e = z.map((v) => Math.exp(v - m));
  const s = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / s);
};

const value = (t: tf.Scalar) => {
  const v = t.dataSync()[0]!;
  t.dispose();
  return v;
};

describe('losses', () => {
  const student = [[2, 0.5, -1], [0.1, 0.2, 3]];
  const teacher = [[1, 1.5, -0.5], [-1, 0, 2]];
  const labels = [0, 2];

  it('cross-entropy is the mean negative log-likelihood of the label', () => {
    const want = student.reduce((s, z, i) => s - Math.log(softmax(z)[labels[i]!]!), 0) / 2;
    const got = tf.tidy(() => crossEntropy(tf.tensor2d(student), tf.tensor1d(labels, 'int32')));
    expect(value(got)).toBeCloseTo(want, 5);
  });

  it('KD loss is lambda CE + (1 - lambda) T^2 KL(teacher_T || student_T), by hand', () => {
    const [lambda, T] = [0.3, 4];
    let ce = 0;
    let kl = 0;
    student.forEach((z, i) => {
      ce -= Math.log(softmax(z)[labels[i]!]!);
      const ps = softmax(z.map((v) => v / T));
      const pt = softmax(teacher[i]!.map((v) => v / T));
      kl += pt.reduce((s, p, c) => s + p * Math.log(p / ps[c]!), 0);
    });
    const want = lambda * (ce / 2) + (1 - lambda) * T * T * (kl / 2);
    const got = tf.tidy(() => distillationLoss(tf.tensor2d(student), tf.tensor2d(teacher), tf.tensor1d(labels, 'int32'), { lambda, temperature: T }));
    expect(value(got)).toBeCloseTo(want, 5);
    const selfDistil = tf.tidy(() => distillationLoss(tf.tensor2d(student), tf.tensor2d(student), tf.tensor1d(labels, 'int32'), { lambda: 0, temperature: 2 }));
    expect(Math.abs(value(selfDistil))).toBeLessThan(1e-6);
  });
});
