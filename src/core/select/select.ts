/**
 * One selection round: score the unlabelled pool with the selector and choose k images to label.
 * Times inference (the selector's forward passes over the pool, on the backend) and ranking (choosing
 * from the scores or features, in JavaScript) separately, as SVP's selection log does.
 */
import { now } from '../clock.ts';
import type { Rng } from '../rng.ts';
import type { BatchSource } from '../train/batchSource.ts';
import type { Network } from '../train/network.ts';
import { reportInference } from '../train/inferenceProgress.ts';
import { predict } from '../train/predict.ts';
import type { SelectionStrategy } from './strategy.ts';

export interface SelectionResult {
  /** The chosen images (indices into the source), in the order chosen. */
  chosen: number[];
  /** The metric's score of each chosen image (uncertainty, or k-center distance); null for random. */
  scores: number[] | null;
  /** Images the selector ran inference on. */
  inferred: number;
  /** Distance evaluations of the ranking (k-center), for FLOP accounting. */
  distanceEvaluations: number;
  seconds: { inference: number; ranking: number };
}

/** Positions of the k highest scores, ties to the earlier position. */
export function topScores(scores: Float32Array, k: number): Int32Array {
  const order = Int32Array.from({ length: scores.length }, (_, i) => i);
  order.sort((a, b) => scores[b]! - scores[a]! || a - b);
  return order.slice(0, Math.min(k, scores.length));
}

export async function selectFromPool(
  strategy: SelectionStrategy, selector: Network | null, source: BatchSource,
  labeled: ArrayLike<number>, unlabeled: ArrayLike<number>, k: number, rng: Rng, cancelled?: () => boolean,
): Promise<SelectionResult> {
  const cancel = cancelled ? { cancelled } : {};
  const pick = (positions: Int32Array) => Array.from(positions, (p) => unlabeled[p]!);
  const t0 = now();
  if (strategy.kind === 'random') {
    const chosen = pick(strategy.pick(unlabeled.length, Math.min(k, unlabeled.length), rng));
    return { chosen, scores: null, inferred: 0, distanceEvaluations: 0, seconds: { inference: 0, ranking: (now() - t0) / 1000 } };
  }
  if (!selector) throw new Error(`strategy '${strategy.id}' needs a trained selector`);
  if (strategy.kind === 'uncertainty') {
    const { scores } = await predict(selector, source, unlabeled, { score: strategy.score, phase: 'scoring', ...cancel });
    const t1 = now();
    reportInference('ranking', 0, unlabeled.length);
    const top = topScores(scores!, k);
    reportInference('ranking', unlabeled.length, unlabeled.length);
    return { chosen: pick(top), scores: Array.from(top, (p) => scores![p]!), inferred: unlabeled.length, distanceEvaluations: 0, seconds: { inference: (t1 - t0) / 1000, ranking: (now() - t1) / 1000 } };
  }
  const all = [...Array.from(labeled), ...Array.from(unlabeled)];
  const { features, featureWidth } = await predict(selector, source, all, { features: true, phase: 'scoring', ...cancel });
  const t1 = now();
  const distances = new Float64Array(Math.min(k, unlabeled.length));
  reportInference('ranking', 0, unlabeled.length);
  const picked = strategy.rank(features!, featureWidth, labeled.length, unlabeled.length, k, distances);
  reportInference('ranking', unlabeled.length, unlabeled.length);
  return {
    chosen: pick(picked),
    scores: Array.from(distances.subarray(0, picked.length)),
    inferred: all.length,
    distanceEvaluations: unlabeled.length * (labeled.length + picked.length),
    seconds: { inference: (t1 - t0) / 1000, ranking: (now() - t1) / 1000 },
  };
}
