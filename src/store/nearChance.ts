/**
 * Whether final accuracies can tell methods apart: an accuracy within three standard errors of chance
 * (1/classes) on a test set of n images, sqrt(p(1-p)/n) at p = chance, is indistinguishable from guessing.
 */
export interface ChanceVerdict {
  chance: number;
  /** Accuracies at or below this are within three standard errors of chance. */
  threshold: number;
  /** Methods whose final accuracy is that close to chance. */
  near: string[];
}

export function nearChance(finals: ReadonlyArray<{ method: string; accuracy: number }>, classes: number, testSize: number): ChanceVerdict {
  const chance = 1 / classes;
  const threshold = chance + 3 * Math.sqrt((chance * (1 - chance)) / Math.max(1, testSize));
  return { chance, threshold, near: finals.filter((f) => f.accuracy <= threshold).map((f) => f.method) };
}
