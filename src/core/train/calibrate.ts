/**
 * Speed calibration: a few real training steps and one inference batch of a network on the running
 * backend, timed after a warm-up step (kernel set-up, weight upload). The lab turns the measured seconds per
 * image and multiply-accumulate into an estimate of a whole run's time before it starts
 * (store/timeEstimate.ts). Random inputs: speed does not depend on pixel values. Leaves no tensor behind.
 */
import * as tf from '@tensorflow/tfjs-core';
import { now } from '../clock.ts';
import { countMacs } from '../models/count.ts';
import { forward } from '../models/forward.ts';
import type { ResNetSpec } from '../models/spec.ts';
import { initWeights } from '../models/weights.ts';
import { Rng } from '../rng.ts';
import { createNetwork, disposeNetwork } from './network.ts';
import { Sgd } from './sgd.ts';
import { trainStep } from './step.ts';
import type { SpeedCalibration } from './speedCalibration.ts';

export type { SpeedCalibration };


export const CALIBRATION_STEPS = 3;
const FORWARD_IMAGES = 128;

function randomImages(rng: Rng, n: number, spec: ResNetSpec): tf.Tensor4D {
  const [h, w, c] = spec.inputShape;
  const values = new Float32Array(n * h * w * c);
  for (let i = 0; i < values.length; i++) values[i] = rng.uniform(-1, 1);
  return tf.tensor4d(values, [n, h, w, c]);
}

async function timed(run: () => tf.Tensor[]): Promise<number> {
  const start = now();
  const outs = run();
  await Promise.all(outs.map((t) => t.data()));
  const seconds = (now() - start) / 1000;
  tf.dispose(outs);
  return seconds;
}

/** Times training steps at `batch` and a forward pass of FORWARD_IMAGES images of `spec`. */
export async function calibrate(spec: ResNetSpec, batch: number, backend: string, cancelled: () => boolean = () => false): Promise<SpeedCalibration> {
  const rng = new Rng(0x5eed);
  const net = createNetwork(spec, initWeights(spec, 0));
  const sgd = new Sgd({ momentum: 0.9, weightDecay: 5e-4, nesterov: false });
  const x = randomImages(rng, batch, spec);
  const labels = tf.tensor1d(Array.from({ length: batch }, (_, i) => i % spec.numClasses), 'int32');
  const images = randomImages(rng, FORWARD_IMAGES, spec);
  try {
    const step = () => {
      const r = trainStep(net, sgd, { x, labels }, 0.01);
      return [r.loss, r.correct];
    };
    const infer = () => [tf.tidy(() => forward(net.spec, net.params, images, false).logits)];
    await timed(step);
    let trainSeconds = 0;
    let steps = 0;
    for (; steps < CALIBRATION_STEPS && !cancelled(); steps++) trainSeconds += await timed(step);
    if (steps === 0) throw new Error('cancelled');
    await timed(infer);
    const forwardSeconds = await timed(infer);
    const macs = countMacs(spec);
    return {
      backend, model: spec.model, batch, steps, images: FORWARD_IMAGES, trainSeconds, forwardSeconds,
      trainPerMac: trainSeconds / (steps * batch * macs),
      forwardPerMac: forwardSeconds / (FORWARD_IMAGES * macs),
    };
  } finally {
    tf.dispose([x, labels, images]);
    sgd.dispose();
    disposeNetwork(net);
  }
}
