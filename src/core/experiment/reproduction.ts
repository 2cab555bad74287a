/**
 * Did a rerun reproduce recorded results? On the same backend the numbers must match bit for bit (every
 * accuracy and every selection); on another backend floating-point order differs, so the verdict is the
 * largest accuracy difference per method.
 */
import { finalAccuracy, type RunResults } from './events.ts';

export interface Verdict {
  sameBackend: boolean;
  /** Every accuracy and selection equal. */
  identical: boolean;
  /** Largest |accuracy difference| over the rounds both have, per method (target, else selector). */
  differences: Array<{ method: string; largest: number }>;
}


export function reproductionVerdict(recorded: RunResults, rerun: RunResults): Verdict {
  const differences = recorded.methods.map((m) => {
    const other = rerun.methods.find((x) => x.method === m.method);
    let largest = other ? 0 : Number.POSITIVE_INFINITY;
    for (const r of m.rounds) {
      const o = other?.rounds.find((x) => x.round === r.round);
      if (!o) continue;
      largest = Math.max(largest, Math.abs(finalAccuracy(r) - finalAccuracy(o)), Math.abs(r.selectorAccuracy - o.selectorAccuracy));
    }
    return { method: m.method, largest };
  });
  const sameSelections = JSON.stringify(recorded.tracks.map((t) => t.selections.map((s) => s.images))) === JSON.stringify(rerun.tracks.map((t) => t.selections.map((s) => s.images)));
  const sameRounds = recorded.methods.every((m) => m.rounds.length === rerun.methods.find((x) => x.method === m.method)?.rounds.length);
  return { sameBackend: recorded.backend === rerun.backend, identical: sameSelections && sameRounds && differences.every((d) => d.largest === 0), differences };
}
