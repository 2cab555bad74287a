/**
 * Does a backend compute what the cpu backend computes? `checkRun` runs, on the current backend, three
 * momentum-SGD training steps of a network on one fixed batch (their losses) and a forward pass in inference
 * mode on images of the network's own size (its logits); the host runs the same on cpu and `compareRuns`
 * compares. The tolerances are the kernel tests': losses within 1e-3 absolute (kernels/trainStep.test.ts),
 * logits within 1e-4 relative, as `relativeError` measures it (max |a - b| / max |reference|).
 *
 * The training part uses 9 x 9 images at batch 2, as the wasm step test does: the cpu backend needs minutes for
 * a step at 32 x 32, and at that size a ReLU input can lie within float rounding of zero, which lets the two
 * backends' gradients part by a few percent (see that test). The weights do not depend on the image size, so
 * the same weights train at 9 x 9 and classify at the spec's size.
 */
import * as tf from '@tensorflow/tfjs-core';
import { forward } from '../models/forward.ts';
import type { ResNetSpec } from '../models/spec.ts';
import type { Weights } from '../models/weights.ts';
import { Rng } from '../rng.ts';
import { createNetwork, disposeNetwork } from './network.ts';
import { Sgd } from './sgd.ts';
import { trainStep } from './step.ts';

export const CHECK = { steps: 3, batch: 2, size: 9, lr: 0.1, logitImages: 4, lossTolerance: 1e-3, logitTolerance: 1e-4 } as const;

export interface CheckRun {
  losses: number[];
  /** [CHECK.logitImages, classes], row by row. */
  logits: Float32Array;
}

export interface BackendCheck {
  steps: number;
  batch: number;
  /** Image size of the training steps (the logits use the network's own). */
  size: number;
  logitImages: number;
  lossMaxAbsDiff: number;
  logitsMaxAbsDiff: number;
  /** max |logit - cpu logit| / max |cpu logit|: what the 1e-4 applies to. */
  logitsRelativeError: number;
  lossTolerance: number;
  logitTolerance: number;
  pass: boolean;
}

export function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) throw new Error(`length ${a.length} != ${b.length}`);
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff = Math.max(diff, Math.abs(a[i]! - b[i]!));
  return diff;
}

/** max |a - b| / max |b| (or the absolute error where b is all zeros). */
export function relativeError(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const diff = maxAbsDiff(a, b);
  let scale = 0;
  for (let i = 0; i < b.length; i++) scale = Math.max(scale, Math.abs(b[i]!));
  return scale > 0 ? diff / scale : diff;
}

function seededImages(n: number, [h, w, c]: readonly [number, number, number], name: string): tf.Tensor4D {
  const rng = new Rng(5, `check/${name}`);
  const values = new Float32Array(n * h * w * c);
  for (let i = 0; i < values.length; i++) values[i] = rng.normal();
  return tf.tensor4d(values, [n, h, w, c]);
}

/** The check's losses and logits on the current backend; leaves no tensor behind. */
export async function checkRun(spec: ResNetSpec, weights: Weights): Promise<CheckRun> {
  const small: ResNetSpec = { ...spec, inputShape: [CHECK.size, CHECK.size, spec.inputShape[2]] };
  const net = createNetwork(small, weights);
  const sgd = new Sgd({ momentum: 0.9, weightDecay: 5e-4, nesterov: true });
  const x = seededImages(CHECK.batch, small.inputShape, 'train');
  const labels = tf.tensor1d(Array.from({ length: CHECK.batch }, (_, i) => (i * 7) % spec.numClasses), 'int32');
  const images = seededImages(CHECK.logitImages, spec.inputShape, 'logits');
  try {
    // Logits first, from the initial weights: a pure forward comparison, not one of two trainings.
    const out = tf.tidy(() => forward(spec, net.params, images, false).logits);
    const logits = (await out.data()) as Float32Array;
    out.dispose();
    const losses: number[] = [];
    for (let i = 0; i < CHECK.steps; i++) {
      const { loss, correct } = trainStep(net, sgd, { x, labels }, CHECK.lr);
      losses.push((await loss.data())[0]!);
      tf.dispose([loss, correct]);
    }
    return { losses, logits };
  } finally {
    tf.dispose([x, labels, images]);
    sgd.dispose();
    disposeNetwork(net);
  }
}

export function compareRuns(run: CheckRun, reference: CheckRun): BackendCheck {
  const lossMaxAbsDiff = maxAbsDiff(run.losses, reference.losses);
  const logitsRelativeError = relativeError(run.logits, reference.logits);
  return {
    steps: CHECK.steps, batch: CHECK.batch, size: CHECK.size, logitImages: CHECK.logitImages,
    lossMaxAbsDiff, logitsMaxAbsDiff: maxAbsDiff(run.logits, reference.logits), logitsRelativeError,
    lossTolerance: CHECK.lossTolerance, logitTolerance: CHECK.logitTolerance,
    // NaN (a diverged run) fails: every comparison with NaN is false.
    pass: lossMaxAbsDiff <= CHECK.lossTolerance && logitsRelativeError <= CHECK.logitTolerance,
  };
}
