/**
 * How often a track picks what another picks: per round, |A ∩ B| / |B| for the images track A and track
 * B selected in that round (B is the reference, AL's dense selector in the lab's views). Tracks diverge
 * after the first selection (their labelled sets differ), so later rounds compare choices from different
 * pools; a round only one of them selected in has no overlap.
 */
import type { RunResults, SelectionRecord } from './events.ts';
import type { MethodPlan } from './methods.ts';

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

/** What a run's selections allow to compare with active learning's (the dense model's) picks. */
export type AlComparison =
  /** No AL track: there are no dense-model picks. */
  | { kind: 'no-al' }
  /** Only AL selected: nothing to compare its picks with. */
  | { kind: 'al-only'; reference: string }
  /** Each other track's overlap with AL's picks, for every round AL selected in (absent where the track has not selected yet). */
  | { kind: 'compared'; reference: string; rounds: number[]; tracks: Array<{ track: string; overlap: Map<number, RoundOverlap> }> };

export function compareWithAl(results: { methods: readonly Pick<MethodPlan, 'base' | 'track'>[]; tracks: RunResults['tracks'] }): AlComparison {
  const alTrack = results.methods.find((m) => m.base === 'al')?.track;
  const reference = results.tracks.find((t) => t.id === alTrack);
  if (!reference) return { kind: 'no-al' };
  const others = results.tracks.filter((t) => t !== reference);
  if (others.length === 0) return { kind: 'al-only', reference: reference.id };
  return {
    kind: 'compared',
    reference: reference.id,
    rounds: reference.selections.map((s) => s.round).sort((a, b) => a - b),
    tracks: others.map((t) => ({ track: t.id, overlap: new Map(selectionOverlap(t.selections, reference.selections).map((o) => [o.round, o])) })),
  };
}

/** Tracks whose selector serves several methods (PruneFuse and its ablations at one ratio): they label the same images. */
export function sharedSelectors(methods: readonly Pick<MethodPlan, 'method' | 'track'>[]): Array<{ track: string; methods: string[] }> {
  const byTrack = new Map<string, string[]>();
  for (const m of methods) byTrack.set(m.track, [...(byTrack.get(m.track) ?? []), m.method]);
  return [...byTrack].filter(([, ms]) => ms.length > 1).map(([track, ms]) => ({ track, methods: ms }));
}
