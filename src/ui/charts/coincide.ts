/**
 * Series that draw the same line: methods sharing one selector track have the same selection cost and the
 * same selector accuracy; an SVP proxy as large as the target gives the same numbers twice. The later line
 * covers the earlier one, so the chart says so in words instead of seeming to lose a series.
 */
import type { Row } from './data.ts';

/** True when `a` and `b` have values at the same rows, and equal ones (to float noise). */
function sameLine(rows: readonly Row[], a: string, b: string): boolean {
  let shared = 0;
  for (const row of rows) {
    const x = row[a];
    const y = row[b];
    if (x === undefined && y === undefined) continue;
    if (x === undefined || y === undefined) return false;
    if (Math.abs(x - y) > 1e-9 * Math.max(1, Math.abs(x), Math.abs(y))) return false;
    shared++;
  }
  return shared > 0;
}

/** Groups (two or more, in series order) of the series keys whose lines coincide. */
export function coincidentGroups(rows: readonly Row[], keys: readonly string[]): string[][] {
  const groups: string[][] = [];
  const placed = new Set<string>();
  keys.forEach((k, i) => {
    if (placed.has(k)) return;
    const group = [k, ...keys.slice(i + 1).filter((other) => !placed.has(other) && sameLine(rows, k, other))];
    if (group.length < 2) return;
    group.forEach((g) => placed.add(g));
    groups.push(group);
  });
  return groups;
}
