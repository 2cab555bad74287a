import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { rng } from '../rng.ts';
import { SELECTION_STRATEGIES } from './index.ts';
import { kCenterGreedyRank } from './kCenterGreedy.ts';
import { topScores } from './select.ts';
import type { UncertaintyStrategy } from './strategy.ts';

const PROBS = [
  [0.9, 0.05, 0.05], // confident
  [0.4, 0.35, 0.25], // least confident, highest entropy, small margin
  [0.5, 0.5, 0.0], // zero margin, lower entropy than row 1
  [0.6, 0.2, 0.2],
];

function scores(s: UncertaintyStrategy): number[] {
  const t = tf.tidy(() => s.score(tf.tensor2d(PROBS)));
  const v = Array.from(t.dataSync());
  t.dispose();
  return v;
}

describe('uncertainty strategies', () => {
  it('least confidence scores 1 - max p', () => {
    const s = scores(SELECTION_STRATEGIES.lc);
    [0.1, 0.6, 0.5, 0.4].forEach((v, i) => expect(s[i]).toBeCloseTo(v, 6));
    expect(Array.from(topScores(Float32Array.from(s), 2))).toEqual([1, 2]);
  });

  it('entropy scores -sum p log p, with 0 log 0 = 0', () => {
    const s = scores(SELECTION_STRATEGIES.entropy);
    PROBS.forEach((row, i) => expect(s[i]).toBeCloseTo(-row.reduce((a, p) => a + (p > 0 ? p * Math.log(p) : 0), 0), 5));
    expect(Array.from(topScores(Float32Array.from(s), 4))).toEqual([1, 3, 2, 0]);
  });

  it('margin prefers the smallest gap between the top two classes', () => {
    const s = scores(SELECTION_STRATEGIES.margin);
    [-0.85, -0.05, 0, -0.4].forEach((v, i) => expect(s[i]).toBeCloseTo(v, 6));
    expect(Array.from(topScores(Float32Array.from(s), 4))).toEqual([2, 1, 3, 0]);
  });

  it('topScores breaks ties toward the earlier position', () => {
    expect(Array.from(topScores(Float32Array.from([1, 3, 3, 2, 3]), 3))).toEqual([1, 2, 4]);
  });
});

/** Brute force: at each step, the candidate maximising the distance to its nearest center. */
function bruteForce(points: number[][], labeled: number, k: number): number[] {
  const centers = points.slice(0, labeled);
  const cand = points.slice(labeled);
  const chosen: number[] = [];
  const dist = (a: number[], b: number[]) => a.reduce((s, v, j) => s + (v - b[j]!) ** 2, 0);
  for (let t = 0; t < k; t++) {
    let best = -1;
    let bestD = -1;
    cand.forEach((p, i) => {
      if (chosen.includes(i)) return;
      const d = centers.length ? Math.min(...centers.map((c) => dist(p, c))) : Number.POSITIVE_INFINITY;
      if (d > bestD) [best, bestD] = [i, d];
    });
    chosen.push(best);
    centers.push(cand[best]!);
  }
  return chosen;
}

describe('greedy k-centers', () => {
  it('matches a brute-force implementation on random features', () => {
    const r = rng(4);
    for (const [labeled, candidates, dim, k] of [[5, 60, 3, 10], [0, 40, 2, 5], [20, 200, 8, 30]] as const) {
      const points = Array.from({ length: labeled + candidates }, () => Array.from({ length: dim }, () => r.normal()));
      const got = kCenterGreedyRank(Float32Array.from(points.flat()), dim, labeled, candidates, k);
      expect(Array.from(got)).toEqual(bruteForce(points.map((p) => p.map(Math.fround)), labeled, k));
    }
  });

  it('picks the far-away outliers first', () => {
    const f = Float32Array.from([0, 0, /* candidates */ 0.1, 0, 10, 10, 0.2, 0.1, -9, 9]);
    expect(Array.from(kCenterGreedyRank(f, 2, 1, 4, 2))).toEqual([1, 3]);
  });
});

describe('random strategy', () => {
  it('picks k distinct candidates, reproducibly from the seed', () => {
    const a = SELECTION_STRATEGIES.random.pick(50, 10, rng(1, 'select'));
    const b = SELECTION_STRATEGIES.random.pick(50, 10, rng(1, 'select'));
    expect(new Set(a).size).toBe(10);
    expect(Array.from(a)).toEqual(Array.from(b));
    expect(Math.max(...a)).toBeLessThan(50);
  });
});
