/**
 * Trains a network in place on a labelled set: seeded shuffling each epoch, optional crop + flip
 * augmentation, momentum SGD (Nesterov) with weight decay, cosine or step learning rate over the whole
 * run, optional knowledge distillation from a teacher. Losses and accuracies are read back once per
 * epoch (one asynchronous read of the stacked step results), never once per step.
 */
import * as tf from '@tensorflow/tfjs-core';
import { now } from '../clock.ts';
import { forward } from '../models/forward.ts';
import type { Rng } from '../rng.ts';
import type { BatchSource } from './batchSource.ts';
import { learningRate, type LrSchedule } from './lrSchedule.ts';
import type { Network } from './network.ts';
import { prepareBatch } from './prepareBatch.ts';
import { assess, CancelledError, evaluate } from './predict.ts';
import { Sgd } from './sgd.ts';
import { trainStep, type StepResult } from './step.ts';

export interface TrainOptions {
  epochs: number;
  batchSize: number;
  lr: number;
  lrSchedule: LrSchedule;
  momentum: number;
  weightDecay: number;
  augment: boolean;
  /** Stream for shuffling and augmentation. */
  rng: Rng;
  /** Knowledge distillation from a trained teacher (PruneFuse's fused-model training). */
  kd?: { teacher: Network; lambda: number; temperature: number };
  /** Test accuracy after every epoch on these images (for training curves). */
  evalIndices?: ArrayLike<number>;
  /** Evaluate epochs before the last on only the first this-many of evalIndices (the last uses all). */
  curveEvalLimit?: number;
  onEpoch?: (metrics: EpochMetrics) => void;
  /** Called after every step (cheap; no reads). */
  onStep?: (step: number, totalSteps: number) => void;
  cancelled?: () => boolean;
  /** Lets the host's event loop run (worker messages, Ctrl-C); called every few steps. */
  yieldNow?: () => Promise<void>;
}

export interface EpochMetrics {
  epoch: number;
  loss: number;
  trainAccuracy: number;
  testAccuracy?: number;
}

export interface TrainResult {
  curve: EpochMetrics[];
  /** Time spent evaluating the curve's test accuracy, which is not training (cost accounting leaves it out). */
  evaluationSeconds: number;
  /** Confusion matrix of the last epoch's evaluation on all of evalIndices (see confusionOf). */
  confusion?: number[];
}

const YIELD_EVERY = 4;

export async function train(net: Network, source: BatchSource, indices: ArrayLike<number>, o: TrainOptions): Promise<TrainResult> {
  const n = indices.length;
  if (n === 0) throw new Error('cannot train on an empty labelled set');
  const batch = Math.min(o.batchSize, n);
  const stepsPerEpoch = Math.ceil(n / batch);
  const total = stepsPerEpoch * o.epochs;
  const sgd = new Sgd({ momentum: o.momentum, weightDecay: o.weightDecay, nesterov: true });
  const curve: EpochMetrics[] = [];
  let evaluationMs = 0;
  let confusion: number[] | undefined;
  const pending: StepResult[] = [];
  const release = () => pending.splice(0).forEach((r) => (r.loss.dispose(), r.correct.dispose()));
  try {
    for (let epoch = 0; epoch < o.epochs; epoch++) {
      const order = o.rng.fork(`shuffle/${epoch}`).permutation(n);
      const augmentRng = o.rng.fork(`augment/${epoch}`);
      for (let s = 0; s < stepsPerEpoch; s++) {
        if (o.cancelled?.()) throw new CancelledError();
        const idx = Array.from(order.subarray(s * batch, Math.min(n, (s + 1) * batch)), (i) => indices[i]!);
        const { x, labels } = prepareBatch(source, idx, o.augment ? augmentRng : undefined);
        const teacher = o.kd ? tf.tidy(() => forward(o.kd!.teacher.spec, o.kd!.teacher.params, x, false).logits) : undefined;
        const step = epoch * stepsPerEpoch + s;
        const kd = o.kd ? { lambda: o.kd.lambda, temperature: o.kd.temperature } : undefined;
        pending.push(trainStep(net, sgd, { x, labels, ...(teacher ? { teacher } : {}) }, learningRate(o.lrSchedule, o.lr, step, total), kd));
        x.dispose();
        labels.dispose();
        teacher?.dispose();
        o.onStep?.(step + 1, total);
        if (o.yieldNow && (step + 1) % YIELD_EVERY === 0) await o.yieldNow();
      }
      const sums = tf.tidy(() => tf.sum(tf.reshape(tf.stack(pending.flatMap((r) => [r.loss, r.correct])), [-1, 2]), 0));
      release();
      const [lossSum, correct] = (await sums.data()) as Float32Array;
      sums.dispose();
      const metrics: EpochMetrics = { epoch: epoch + 1, loss: lossSum! / stepsPerEpoch, trainAccuracy: correct! / n };
      if (o.evalIndices && o.evalIndices.length > 0) {
        const all = Array.from(o.evalIndices);
        const subset = epoch < o.epochs - 1 && o.curveEvalLimit ? all.slice(0, o.curveEvalLimit) : all;
        const t0 = now();
        if (subset.length === all.length && epoch === o.epochs - 1) {
          const final = await assess(net, source, subset, o.cancelled);
          metrics.testAccuracy = final.accuracy;
          confusion = final.confusion;
        } else {
          metrics.testAccuracy = await evaluate(net, source, subset, o.cancelled);
        }
        evaluationMs += now() - t0;
      }
      curve.push(metrics);
      o.onEpoch?.(metrics);
    }
    return { curve, evaluationSeconds: evaluationMs / 1000, ...(confusion ? { confusion } : {}) };
  } finally {
    release();
    sgd.dispose();
  }
}
