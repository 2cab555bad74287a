/**
 * One round of the labelling mode's loop, PruneFuse's selection with a person as the oracle: the pruned
 * selector θp (the dense model pruned at initialisation, rebuilt from its seeded initial weights every round)
 * trains on the labels given so far, then
 *   - estimates its accuracy on the held-out labels (a random share of every batch the user labels, never
 *     trained on, so the estimate is honest for the images as they come, not only for the hard ones);
 *   - scores every unlabelled image with the metric and queues the next batch, hardest first, with the
 *     selector's guess for each (so confirming is one key);
 *   - fills the rest of the batch with random images for the held-out share, shown without a guess (a guess
 *     could sway the answers the estimate is made of).
 * Its trained weights are returned for fusion at the end (core/labelling/finish.ts).
 */
import { channelStats, toFloatBatch } from '../data/stats.ts';
import { resnetSpec } from '../models/resnet.ts';
import type { ResNetSpec } from '../models/spec.ts';
import { initWeights, type Weights } from '../models/weights.ts';
import type { KeptChannels } from '../prune/keptIndex.ts';
import { prune } from '../prune/prune.ts';
import { rng, type Rng } from '../rng.ts';
import { strategyOf } from '../select/index.ts';
import { indicesOf } from './randomBatch.ts';
import { UNKNOWN_LABEL } from '../experiment/oracle.ts';
import type { ImageRole, LabellingSettings, LabellingState, QueuedImage } from './labellingTypes.ts';

export type { ImageRole, LabellingSettings, LabellingState, QueuedImage } from './labellingTypes.ts';
import { selectFromPool } from '../select/select.ts';
import type { BatchSource } from '../train/batchSource.ts';
import { createNetwork, disposeNetwork, readNetwork } from '../train/network.ts';
import { assess, predict } from '../train/predict.ts';
import { train } from '../train/trainer.ts';

export interface RoundOutcome {
  /** Accuracy on the held-out labels (null while none is given), and on how many. */
  estimate: { accuracy: number; holdout: number; trainedOn: number } | null;
  /**
   * The random-selection baseline: the same selector trained on the randomly picked training labels only
   * (state.randomTrain), on the same held-out labels; null when there are none, or no others to compare.
   */
  baseline: { accuracy: number; holdout: number; trainedOn: number } | null;
  queue: QueuedImage[];
  selector: { spec: ResNetSpec; weights: Weights; kept: KeptChannels };
}

export interface LabellingHost {
  cancelled(): boolean;
  yieldNow?(): Promise<void>;
  onStep?(step: number, total: number): void;
}

/** A batch source over the images; normalisation from all of them (labels are not needed for it). */
export function labellingSource(state: LabellingState): BatchSource {
  const { images } = state;
  const stats = channelStats(images);
  return {
    height: images.height, width: images.width, channels: images.channels, numClasses: state.classes, labels: images.labels,
    pixels: (indices) => toFloatBatch(images, indices, stats),
  };
}

/** Trains the pruned selector on the training labels, estimates, and queues the next batch. */
export async function selectorRound(state: LabellingState, settings: LabellingSettings, host: LabellingHost): Promise<RoundOutcome> {
  const trainSet = indicesOf(state.roles, 'train');
  const holdoutSet = indicesOf(state.roles, 'holdout');
  const unlabelled = indicesOf(state.roles, 'unlabelled');
  if (trainSet.length === 0) throw new RangeError('no training labels yet: label the first batch');
  for (const i of [...trainSet, ...holdoutSet]) if (state.images.labels[i]! < 0) throw new RangeError(`image ${i} is marked labelled but has no label`);
  const root: Rng = rng(settings.seed);
  const [h, w, c] = [state.images.height, state.images.width, state.images.channels];
  const dense = resnetSpec(settings.model, { inputShape: [h, w, c], numClasses: state.classes });
  const pruned = prune(dense, initWeights(dense, settings.seed), { ratio: settings.ratio, scope: 'uniform', criterion: 'l2' });
  const source = labellingSource(state);
  const net = createNetwork(pruned.spec, pruned.weights);
  try {
    const trainOn = (network: typeof net, indices: number[], stream: string) => train(network, source, indices, {
      epochs: settings.epochs, batchSize: settings.batch, lr: settings.lr, lrSchedule: settings.lrSchedule,
      momentum: settings.momentum, weightDecay: settings.wd, augment: settings.augment,
      rng: root.fork(`labelling/${stream}/${state.round}`),
      cancelled: () => host.cancelled(),
      ...(host.yieldNow ? { yieldNow: () => host.yieldNow!() } : {}),
      ...(host.onStep ? { onStep: host.onStep } : {}),
    });
    await trainOn(net, trainSet, 'train');
    const estimate = holdoutSet.length > 0 ? { accuracy: (await assess(net, source, holdoutSet, () => host.cancelled())).accuracy, holdout: holdoutSet.length, trainedOn: trainSet.length } : null;
    const n = Math.min(settings.batchSize, unlabelled.length);
    const randomCount = Math.round(n * settings.holdoutShare);
    const chosen = await selectFromPool(strategyOf(settings.metric), net, source, [...trainSet, ...holdoutSet], unlabelled, n - randomCount, root.fork(`labelling/select/${state.round}`), () => host.cancelled());
    const taken = new Set(chosen.chosen);
    const rest = unlabelled.filter((i) => !taken.has(i));
    const order = root.fork(`labelling/holdout/${state.round}`).permutation(rest.length);
    const randoms = Array.from({ length: Math.min(randomCount, rest.length) }, (_, k) => rest[order[k]!]!);
    const queued = [...chosen.chosen, ...randoms];
    // Guesses for the chosen images only: a guess shown on a held-out image could sway the answers the estimate is made of.
    const guesses = chosen.chosen.length > 0 ? (await predict(net, source, chosen.chosen)).probs : new Float32Array(0);
    const guessOf = (k: number) => {
      let best = 0;
      for (let j = 1; j < state.classes; j++) if (guesses[k * state.classes + j]! > guesses[k * state.classes + best]!) best = j;
      return best;
    };
    const queue: QueuedImage[] = queued.map((image, k) => ({ image, score: k < chosen.chosen.length ? (chosen.scores?.[k] ?? null) : null, holdout: k >= chosen.chosen.length, guess: k < chosen.chosen.length ? guessOf(k) : UNKNOWN_LABEL }));
    const selector = { spec: pruned.spec, weights: await readNetwork(net), kept: pruned.kept };
    const random = state.randomTrain ?? [];
    let baseline: RoundOutcome['baseline'] = null;
    if (holdoutSet.length > 0 && random.length > 0 && random.length < trainSet.length) {
      const fresh = createNetwork(pruned.spec, pruned.weights);
      try {
        await trainOn(fresh, random, 'baseline');
        baseline = { accuracy: (await assess(fresh, source, holdoutSet, () => host.cancelled())).accuracy, holdout: holdoutSet.length, trainedOn: random.length };
      } finally {
        disposeNetwork(fresh);
      }
    }
    return { estimate, baseline, queue, selector };
  } finally {
    disposeNetwork(net);
  }
}
