/**
 * Results as CSV: one row per method and round with the numbers the lab's table and charts show, and the
 * selected images per track and round (dataset numbering). RFC 4180 quoting; numbers as JSON writes them.
 */
import { finalAccuracy, type RunResults } from './events.ts';

const cell = (v: unknown): string => {
  if (v === undefined || v === null) return '';
  const s = typeof v === 'number' ? (Number.isFinite(v) ? String(v) : '') : String(v);
  return /[",\n\r]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
};

const table = (header: string[], rows: unknown[][]): string => [header, ...rows].map((r) => r.map(cell).join(',')).join('\n') + '\n';

export const ROUND_COLUMNS = [
  'method', 'base', 'track', 'start', 'kd', 'ratio', 'round', 'labeled', 'fraction', 'selector_accuracy', 'target_accuracy',
  'selection_flops', 'cumulative_selection_flops', 'target_flops', 'train_seconds', 'inference_seconds', 'ranking_seconds',
  'cumulative_selection_seconds', 'target_seconds',
];

export function roundsCsv(results: RunResults): string {
  const rows = results.methods.flatMap((m) =>
    m.rounds.map((r) => [
      m.method, m.base, m.track, m.start ?? 'selector', m.kd, m.ratio, r.round, r.labeled, r.fraction, r.selectorAccuracy, finalAccuracy(r),
      r.selectionFlops, r.cumulativeSelectionFlops, r.targetFlops, r.seconds.train, r.seconds.inference, r.seconds.ranking,
      r.cumulativeSelectionSeconds, r.targetSeconds,
    ]),
  );
  return table(ROUND_COLUMNS, rows);
}

/**
 * One row per selected image: the methods of its track (they share its selections), the round it was
 * chosen in (labelled from the next round on), its rank in that round, its dataset index and its score.
 * The initial random set comes first as round -1.
 */
export function selectionsCsv(results: RunResults): string {
  const rows: unknown[][] = [];
  for (const t of results.tracks) {
    const methods = results.methods.filter((m) => m.track === t.id).map((m) => m.method).join(' ');
    results.initial.forEach((image, rank) => rows.push([t.id, methods, -1, rank, image, '']));
    for (const s of t.selections) s.images.forEach((image, rank) => rows.push([t.id, methods, s.round, rank, image, s.scores?.[rank]]));
  }
  return table(['track', 'methods', 'round', 'rank', 'image', 'score'], rows);
}
