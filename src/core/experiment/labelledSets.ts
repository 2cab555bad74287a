/**
 * A selector track's labelled set round by round, from recorded results: round r trains on the initial
 * random set (shared by every track) plus what the track selected in rounds before r. After the last
 * round's selection a further set exists only while a run goes on (its next round has not finished yet).
 */
import type { RunResults } from './events.ts';

export interface LabelledSet {
  /** The round that trains on it (0-based); the last set of an unfinished track may not have run yet. */
  round: number;
  /** Dataset (training-split) indices: the initial set, then each round's selection in the order chosen. */
  images: number[];
  /** How many of them this round's selection added (0 for the initial set). */
  added: number;
}

export function labelledSets(results: Pick<RunResults, 'initial' | 'tracks'>, trackId: string): LabelledSet[] {
  const track = results.tracks.find((t) => t.id === trackId);
  if (!track) return [];
  const sets: LabelledSet[] = [{ round: 0, images: [...results.initial], added: 0 }];
  const byRound = [...track.selections].sort((a, b) => a.round - b.round);
  for (const s of byRound) {
    const previous = sets.at(-1)!;
    sets.push({ round: s.round + 1, images: [...previous.images, ...s.images], added: s.images.length });
  }
  return sets;
}

/** Every image any track labelled (the initial set and all selections), each once. */
export function labelledImages(results: Pick<RunResults, 'initial' | 'tracks'>): number[] {
  const all = new Set(results.initial);
  for (const t of results.tracks) for (const s of t.selections) for (const i of s.images) all.add(i);
  return [...all];
}
