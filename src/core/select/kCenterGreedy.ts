import type { FeatureStrategy } from './strategy.ts';

/**
 * Greedy k-centers (Sener and Savarese 2018) on Euclidean distance between penultimate features. The
 * labelled images are the initial centers; each pick is the candidate farthest from its nearest center,
 * which then becomes a center. Keeps one nearest-center distance per candidate and updates it per pick:
 * O(candidates x (labelled + k)) distance evaluations, never a candidates x candidates matrix.
 * Ties go to the earlier candidate. With no labelled images the first pick is candidate 0. `scores`, when
 * given, receives each pick's distance to its nearest center at the time it was picked.
 */
export function kCenterGreedyRank(features: Float32Array, dim: number, labeled: number, candidates: number, k: number, scores?: Float64Array): Int32Array {
  if (features.length !== (labeled + candidates) * dim) {
    throw new RangeError(`k-center: ${features.length} feature values, expected (${labeled} + ${candidates}) x ${dim}`);
  }
  const minDist = new Float64Array(candidates).fill(Number.POSITIVE_INFINITY);
  const update = (center: number): void => {
    const c0 = center * dim;
    for (let i = 0; i < candidates; i++) {
      const r0 = (labeled + i) * dim;
      let d = 0;
      for (let j = 0; j < dim; j++) {
        const diff = features[r0 + j]! - features[c0 + j]!;
        d += diff * diff;
      }
      if (d < minDist[i]!) minDist[i] = d;
    }
  };
  for (let c = 0; c < labeled; c++) update(c);
  const chosen = new Int32Array(Math.min(k, candidates));
  const taken = new Uint8Array(candidates);
  for (let t = 0; t < chosen.length; t++) {
    let best = -1;
    for (let i = 0; i < candidates; i++) if (!taken[i] && (best < 0 || minDist[i]! > minDist[best]!)) best = i;
    chosen[t] = best;
    if (scores) scores[t] = Math.sqrt(minDist[best]!);
    taken[best] = 1;
    update(labeled + best);
  }
  return chosen;
}

export const kCenterGreedy: FeatureStrategy = {
  id: 'kcenter',
  label: 'Greedy k-centers',
  kind: 'features',
  rank: kCenterGreedyRank,
};
