/**
 * The labelling screen's keys: classes 1-9 on the digits 1-9, the tenth on 0, then letters (not the ones
 * the screen uses itself: s skips). More classes than keys are labelled with the buttons.
 */
const LETTERS = 'abcdefghijklmnopqrtuvwxyz';

export const SKIP_KEY = 's';

/** The key of class `k`, or null when there are more classes than keys. */
export function classKey(k: number): string | null {
  if (k < 9) return String(k + 1);
  if (k === 9) return '0';
  return LETTERS[k - 10] ?? null;
}

/** The class a key names (of `classes`), or null. */
export function classOfKey(key: string, classes: number): number | null {
  const lower = key.toLowerCase();
  if (/^[1-9]$/.test(lower)) return Number(lower) - 1 < classes ? Number(lower) - 1 : null;
  if (lower === '0') return classes > 9 ? 9 : null;
  const at = lower.length === 1 ? LETTERS.indexOf(lower) : -1;
  return at >= 0 && at + 10 < classes ? at + 10 : null;
}
