/** A class histogram: how many images of each class. */

/** How many of `labels` fall in each of `classes` classes (labels outside [0, classes) are not counted). */
export function labelCounts(labels: ArrayLike<number>, classes: number): number[] {
  const counts = new Array<number>(classes).fill(0);
  for (let k = 0; k < labels.length; k++) {
    const c = labels[k]!;
    if (c >= 0 && c < classes) counts[c]!++;
  }
  return counts;
}
