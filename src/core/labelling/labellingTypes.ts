/**
 * The labelling mode's vocabulary, free of tfjs so the page can use it: the settings of a session, what
 * the person said of each image, and an image queued for labelling.
 */
import type { ImageSet } from '../data/types.ts';
import type { ModelId } from '../models/resnet.ts';
import type { MetricId } from '../select/metricIds.ts';
import type { LrSchedule } from '../train/lrSchedule.ts';

export interface LabellingSettings {
  model: ModelId;
  ratio: number;
  metric: MetricId;
  epochs: number;
  batch: number;
  lr: number;
  lrSchedule: LrSchedule;
  momentum: number;
  wd: number;
  augment: boolean;
  seed: number;
  /** Images per labelling batch, and the share of each kept aside (random) to estimate accuracy. */
  batchSize: number;
  holdoutShare: number;
}

/** What the user said of each image so far. */
export type ImageRole = 'unlabelled' | 'train' | 'holdout' | 'skipped';

export interface LabellingState {
  /** The images, at the model's input size; their labels, UNKNOWN_LABEL where not given. */
  images: ImageSet;
  classes: number;
  roles: ImageRole[];
  /** Rounds done so far (seeds each round's streams). */
  round: number;
  /** Training labels that came from random batches, for the random-selection baseline (optional). */
  randomTrain?: number[];
}

export interface QueuedImage {
  image: number;
  /** Hardest first: the metric's score (null for random picks), and whether it is held out. */
  score: number | null;
  holdout: boolean;
  /** The selector's guess (its most probable class). */
  guess: number;
}

