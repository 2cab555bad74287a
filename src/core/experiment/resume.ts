/**
 * Resuming an unfinished run from its results. Rounds retrain from seeded initial weights and every random
 * stream is forked by name per round, so nothing but the results is needed: a track continues after its
 * last round that every one of its methods finished, with the labelled set rebuilt from the recorded
 * selections, and gives the numbers an uninterrupted run would (timings aside), on the same backend.
 */
import { CONFIG_KEYS } from '../config/runConfig.ts';
import type { MethodResult, RunResults, TrackRecord } from './events.ts';
import { RESULTS_FORMAT } from './events.ts';

const show = (v: unknown): string => (Array.isArray(v) ? v.join(',') : String(v));

/** Why `previous` cannot be resumed as `next` (a fresh run's empty results), or null if it can. */
export function resumeProblem(previous: RunResults, next: RunResults): string | null {
  if (previous.format !== RESULTS_FORMAT) return `the results are in format ${String(previous.format)}; this lab resumes format ${RESULTS_FORMAT}`;
  for (const key of CONFIG_KEYS) {
    const [a, b] = [previous.config[key], next.config[key]];
    if (JSON.stringify(a) !== JSON.stringify(b)) return `the setting ${key} differs: ${show(a)} in the results, ${show(b)} here`;
  }
  for (const key of ['id', 'poolSize', 'testSize', 'classes'] as const) {
    if (previous.dataset[key] !== next.dataset[key]) return `the dataset's ${key} differs: ${previous.dataset[key]} in the results, ${next.dataset[key]} here`;
  }
  if (previous.backend !== next.backend) return `the backend differs: ${previous.backend} in the results, ${next.backend} here (numbers would not match)`;
  if (JSON.stringify(previous.initial) !== JSON.stringify(next.initial)) return 'the initial labelled set differs (another split of the dataset)';
  return null;
}

export interface RestoredTrack {
  /** Rounds already finished by every method of the track; the track continues at this round. */
  rounds: number;
  /** The previous selections of those rounds, in round order. */
  selections: TrackRecord['selections'];
}

/**
 * Copies into `next` what `previous` finished, per track, and says where each track goes on. Rounds that
 * only some of a track's methods finished are dropped (the track reruns them).
 */
export function restoreResults(previous: RunResults, next: RunResults): Map<string, RestoredTrack> {
  const restored = new Map<string, RestoredTrack>();
  const byMethod = new Map(previous.methods.map((m) => [m.method, m]));
  for (const track of next.tracks) {
    const methods = next.methods.filter((m) => m.track === track.id);
    const old = methods.map((m) => byMethod.get(m.method));
    const prevTrack = previous.tracks.find((t) => t.id === track.id);
    if (!prevTrack || old.some((m) => !m)) continue;
    const finished = Math.min(...old.map((m) => m!.rounds.length));
    const last = next.fractions.length - 1;
    // A finished round r < last has its selection recorded (made before the round was reported).
    const rounds = Math.min(finished, prevTrack.selections.filter((s) => s.round < last).length + (finished > last ? 1 : 0));
    const selections = prevTrack.selections.filter((s) => s.round < Math.min(rounds, last));
    track.selections.push(...selections);
    if (rounds > last && prevTrack.fusion) track.fusion = prevTrack.fusion;
    methods.forEach((m, i) => copyRounds(old[i]!, m, rounds));
    restored.set(track.id, { rounds, selections });
  }
  return restored;
}

function copyRounds(from: MethodResult, to: MethodResult, rounds: number): void {
  to.rounds.push(...from.rounds.filter((r) => r.round < rounds));
  to.curves.push(...from.curves.filter((c) => c.round < rounds));
}
