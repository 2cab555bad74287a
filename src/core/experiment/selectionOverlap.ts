/**
 * How often a track picks what another picks: per round, |A ∩ B| / |B| for the images track A and track
 * B selected in that round (B is the reference, AL's dense selector in the lab's views). Tracks diverge
 * after the first selection (their labelled sets differ), so later rounds compare choices from different
 * pools; a round only one of them selected in has no overlap.
 */
import type { SelectionRecord } from './events.ts';

export interface RoundOverlap {
  round: number;
  /** |A ∩ B|. */
  shared: number;
  /** |B|. */
  reference: number;
  /** shared / reference (0 when B chose nothing). */
  fraction: number;
}

export function overlapOf(a: readonly number[], b: readonly number[]): Omit<RoundOverlap, 'round'> {
  const inA = new Set(a);
  const unique = new Set(b);
  let shared = 0;
  for (const i of unique) if (inA.has(i)) shared++;
  return { shared, reference: unique.size, fraction: unique.size > 0 ? shared / unique.size : 0 };
}

/** The overlap of `a`'s selections with `reference`'s, for each round both selected in, by round. */
export function selectionOverlap(a: readonly SelectionRecord[], reference: readonly SelectionRecord[]): RoundOverlap[] {
  const byRound = new Map(a.map((s) => [s.round, s.images]));
  return reference
    .filter((r) => byRound.has(r.round))
    .map((r) => ({ round: r.round, ...overlapOf(byRound.get(r.round)!, r.images) }))
    .sort((x, y) => x.round - y.round);
}
