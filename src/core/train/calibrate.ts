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
import { median } from './benchStep.ts';
import { createNetwork, disposeNetwork } from './network.ts';
import { Sgd } from './sgd.ts';
import { trainStep } from './step.ts';
import type { SpeedCalibration } from './speedCalibration.ts';

export type { SpeedCalibration };


/** Timed training steps: as many as fit in CALIBRATION_SECONDS, within [MIN_STEPS, MAX_STEPS]. */
export const CALIBRATION_SECONDS = 3;
export const MIN_STEPS = 2;
export const MAX_STEPS = 8;

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
    // Two warm-up steps (kernel set-up, weight upload, the engine's first compilation), then as many timed
    // steps as fit in about CALIBRATION_SECONDS (at least MIN_STEPS); the median step is robust to a busy
    // machine's interruptions (another process, a first visit's caching).
    await timed(step);
    const warm = await timed(step);
    const wanted = Math.max(MIN_STEPS, Math.min(MAX_STEPS, Math.round(CALIBRATION_SECONDS / Math.max(warm, 1e-3))));
    const stepTimes: number[] = [];
    while (stepTimes.length < wanted && !cancelled()) stepTimes.push(await timed(step));
    if (stepTimes.length === 0) throw new Error('cancelled');
    const steps = stepTimes.length;
    const trainSeconds = median(stepTimes) * steps;
    await timed(infer);
    const forwardSeconds = Math.min(await timed(infer), await timed(infer));
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
