/**
 * Reading a confusion matrix as RoundResult records it: counts[true * classes + predicted] on the test set.
 * Row sums are the test images of each class; the diagonal over them is each class's accuracy (recall).
 */

export interface ConfusionMatrix {
  classes: number;
  /** rows[true][predicted]. */
  rows: number[][];
  /** Test images of each true class (row sums). */
  totals: number[];
  /** Correct predictions of each class (the diagonal). */
  correct: number[];
  /** correct / total per class; null for a class without test images. */
  accuracy: Array<number | null>;
}

/** The matrix of a flat confusion; throws a RangeError when its length is not a square. */
export function readConfusion(counts: readonly number[]): ConfusionMatrix {
  const classes = Math.round(Math.sqrt(counts.length));
  if (classes < 1 || classes * classes !== counts.length) throw new RangeError(`confusion: ${counts.length} counts is not a square matrix`);
  const rows = Array.from({ length: classes }, (_, t) => counts.slice(t * classes, (t + 1) * classes));
  const totals = rows.map((r) => r.reduce((sum, n) => sum + n, 0));
  const correct = rows.map((r, t) => r[t]!);
  return { classes, rows, totals, correct, accuracy: totals.map((n, t) => (n > 0 ? correct[t]! / n : null)) };
}
