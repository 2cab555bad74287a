/** What an experiment reports as it runs (the event stream), and what it produces (the results). */
import type { RunConfig } from '../config/runConfig.ts';
import type { EpochMetrics } from '../train/trainer.ts';
import type { Flops } from './cost.ts';
import type { PruningGroup } from '../prune/prune.ts';
import type { FusionSnapshot } from '../fuse/snapshot.ts';
import type { MethodPlan, TargetStart } from './methods.ts';

export type { TargetStart } from './methods.ts';

export interface NetworkInfo {
  model: string;
  /** Pruning ratio, for pruned selectors. */
  ratio?: number;
  params: number;
  macs: number;
}

export interface Seconds {
  train: number;
  inference: number;
  ranking: number;
}

export interface RoundResult {
  round: number;
  labeled: number;
  fraction: number;
  selectorAccuracy: number;
  /** Where a separate target was trained (all methods but al, whose selector is the target). */
  targetAccuracy?: number;
  /** Cost of selection in this round: selector training, scoring the pool, ranking. */
  selectionFlops: Flops;
  cumulativeSelectionFlops: Flops;
  /** Training the target network this round (0 for al, whose selector is the target). */
  targetFlops: Flops;
  /** Measured selection time, split as SVP's selection log does. */
  seconds: Seconds;
  cumulativeSelectionSeconds: number;
  targetSeconds: number;
  /** The final model's confusion matrix on the test set: counts[true * classes + predicted]. */
  confusion?: number[];
}

export interface TrainingCurve {
  method: string;
  round: number;
  labeled: number;
  fraction: number;
  start: TargetStart;
  kd: boolean;
  epochs: EpochMetrics[];
}

/** A planned method (its label, track, target start, KD, ratio) with the networks it trains. */
export interface MethodMeta extends MethodPlan {
  selector: NetworkInfo;
  target: NetworkInfo;
}

export interface MethodResult extends MethodMeta {
  rounds: RoundResult[];
  curves: TrainingCurve[];
}

/** Version of the results format; readers refuse a newer one. 2: tracks, selections, pruning, confusion. */
export const RESULTS_FORMAT = 2;

/** The images one selector chose in one round (to be labelled for the next), in the dataset's numbering. */
export interface SelectionRecord {
  round: number;
  /** Indices into the dataset's training split, in the order chosen. */
  images: number[];
  /** The metric's score of each (uncertainty, or k-center distance); null for random selection. */
  scores: number[] | null;
}

/** A selector track: the network that selects for its methods, how it was pruned, what it chose. */
export interface TrackRecord {
  id: string;
  selector: NetworkInfo;
  /** Pruned selectors: every channel's L2 score at initialisation and the kept channels, per residual group. */
  pruning?: PruningGroup[];
  /**
   * Pruned tracks with a fused target, once the last round has fused: the kernel norms of a few dense layers
   * right after fusion (optional: older format-2 files lack it).
   */
  fusion?: FusionSnapshot;
  selections: SelectionRecord[];
}

export interface RunResults {
  format: typeof RESULTS_FORMAT;
  config: RunConfig;
  dataset: { id: string; name: string; poolSize: number; testSize: number; classes: number };
  backend: string;
  complete: boolean;
  /** Why a run is incomplete (cancelled, or the error). */
  stopped?: string;
  fractions: number[];
  /** The initial random labelled set (shared by every track), in the dataset's numbering. */
  initial: number[];
  methods: MethodResult[];
  tracks: TrackRecord[];
  startedAt: string;
  seconds: number;
}

/** A round's accuracy as the lab reports it: the final model's (the selector's, where it is the final model). */
export const finalAccuracy = (r: Pick<RoundResult, 'targetAccuracy' | 'selectorAccuracy'>): number => r.targetAccuracy ?? r.selectorAccuracy;

/** How a run ended, from its results: done, cancelled, or failed (with `stopped` as the reason). */
export const endStatus = (r: Pick<RunResults, 'complete' | 'stopped'>): 'done' | 'cancelled' | 'failed' =>
  r.complete ? 'done' : r.stopped === 'cancelled' ? 'cancelled' : 'failed';

export type Role = 'selector' | 'target';

export type RunEvent =
  | { type: 'run-started'; methods: MethodMeta[]; fractions: number[]; counts: number[]; poolSize: number; testSize: number }
  | { type: 'round-started'; track: string; methods: string[]; round: number; labeled: number; fraction: number }
  | { type: 'step'; track: string; role: Role; method?: string; round: number; step: number; totalSteps: number }
  | { type: 'epoch'; track: string; role: Role; method?: string; round: number; epochs: number; metrics: EpochMetrics }
  | { type: 'selection-done'; track: string; round: number; selected: number; seconds: Seconds; flops: Flops; selection: SelectionRecord }
  | { type: 'target-finished'; method: string; round: number; accuracy: number; curve: TrainingCurve }
  | { type: 'round-finished'; method: string; result: RoundResult }
  /** After every round of a track: the results so far, enough to resume from (a host copies them when it sends). */
  | { type: 'checkpoint'; results: RunResults }
  | { type: 'run-finished'; results: RunResults }
  | { type: 'run-stopped'; reason: string; cancelled: boolean; results: RunResults };
