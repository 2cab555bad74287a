/**
 * Finishing a labelling session: PruneFuse's fusion and distillation. The last round's trained selector θp*
 * is copied into the untrained dense network at its kept channels (core/fuse), and the fused network trains
 * on every training label with knowledge distillation from θp* (λ·CE + (1−λ)·T²·KL). Its accuracy is
 * estimated on the held-out labels, as the selector's was. Returns the dense model's weights for export.
 */
import { fuse } from '../fuse/fuse.ts';
import { resnetSpec } from '../models/resnet.ts';
import type { ResNetSpec } from '../models/spec.ts';
import { initWeights, type Weights } from '../models/weights.ts';
import { rng } from '../rng.ts';
import { createNetwork, disposeNetwork, readNetwork } from '../train/network.ts';
import { assess } from '../train/predict.ts';
import { train } from '../train/trainer.ts';
import { labellingSource, type LabellingHost, type LabellingSettings, type LabellingState, type RoundOutcome } from './selectorRound.ts';

export interface FinalModel {
  spec: ResNetSpec;
  weights: Weights;
  /** Accuracy on the held-out labels (null without any), and on how many. */
  estimate: { accuracy: number; holdout: number; trainedOn: number } | null;
}

export async function finishSession(state: LabellingState, settings: LabellingSettings & { lambda: number; T: number }, selector: RoundOutcome['selector'], host: LabellingHost): Promise<FinalModel> {
  const trainSet = state.roles.flatMap((r, i) => (r === 'train' ? [i] : []));
  const holdoutSet = state.roles.flatMap((r, i) => (r === 'holdout' ? [i] : []));
  if (trainSet.length === 0) throw new RangeError('no training labels: label a batch first');
  const [h, w, c] = [state.images.height, state.images.width, state.images.channels];
  const dense = resnetSpec(settings.model, { inputShape: [h, w, c], numClasses: state.classes });
  const source = labellingSource(state);
  const teacher = createNetwork(selector.spec, selector.weights);
  const target = createNetwork(dense, fuse(dense, initWeights(dense, settings.seed), selector.weights, selector.kept));
  try {
    await train(target, source, trainSet, {
      epochs: settings.epochs, batchSize: settings.batch, lr: settings.lr, lrSchedule: settings.lrSchedule,
      momentum: settings.momentum, weightDecay: settings.wd, augment: settings.augment,
      rng: rng(settings.seed).fork('labelling/final'),
      kd: { teacher, lambda: settings.lambda, temperature: settings.T },
      cancelled: () => host.cancelled(),
      ...(host.yieldNow ? { yieldNow: () => host.yieldNow!() } : {}),
      ...(host.onStep ? { onStep: host.onStep } : {}),
    });
    const estimate = holdoutSet.length > 0 ? { accuracy: (await assess(target, source, holdoutSet, () => host.cancelled())).accuracy, holdout: holdoutSet.length, trainedOn: trainSet.length } : null;
    return { spec: dense, weights: await readNetwork(target), estimate };
  } finally {
    disposeNetwork(teacher);
    disposeNetwork(target);
  }
}
