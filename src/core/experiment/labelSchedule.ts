/**
 * The labelling schedule: the initial random fraction, then increments (the last one repeating) until
 * the label budget. The paper's default 0.02, 0.08, 0.10 gives 2%, 10%, 20%, 30%, ... Fractions are
 * rounded to 1e-9 so they come out exact (0.02 + 0.08 is 0.1, not 0.09999999999999999).
 */

const exact = (x: number): number => Math.round(x * 1e9) / 1e9;

export function labelFractions(schedule: readonly number[], budget: number): number[] {
  if (schedule.length === 0 || schedule.some((s) => !(s > 0))) throw new RangeError('schedule needs positive increments');
  // The budget is rounded like the fractions, so the last one reaches it exactly (a budget with more than
  // nine decimals would otherwise round below itself and never be reached).
  const end = exact(budget);
  const fractions: number[] = [];
  let f = 0;
  for (let i = 0; f < end; i++) {
    f = Math.min(end, exact(f + schedule[Math.min(i, schedule.length - 1)]!));
    fractions.push(f);
  }
  return fractions;
}

/** Labelled-set sizes for a pool: round(f * pool), at least one, strictly increasing, at most the pool. */
export function labelCounts(fractions: readonly number[], poolSize: number): number[] {
  const counts: number[] = [];
  for (const f of fractions) {
    const prev = counts.at(-1) ?? 0;
    counts.push(Math.min(poolSize, Math.max(prev + 1, Math.round(f * poolSize))));
  }
  return counts;
}

/**
 * The smallest pool a schedule can run on: the initial random fraction labels at least one image
 * (round(f * pool) >= 1) and every round can label a new one (at least one image per round).
 */
export function minimumPool(fractions: readonly number[]): number {
  const f0 = fractions[0]!;
  let n = Math.max(fractions.length, Math.ceil(0.5 / f0));
  while (n - 1 >= fractions.length && Math.round(f0 * (n - 1)) >= 1) n--;
  while (Math.round(f0 * n) < 1) n++;
  return n;
}
