import { describe, expect, it } from 'vitest';
import { dateTime } from './format.ts';

describe('dateTime', () => {
  it('writes what Date.prototype.toLocaleString writes, from a time or an ISO string', () => {
    for (const when of [0, 1_764_700_000_000, Date.UTC(2026, 11, 2, 23, 59, 59)]) {
      expect(dateTime(when)).toBe(new Date(when).toLocaleString());
      expect(dateTime(new Date(when).toISOString())).toBe(new Date(when).toLocaleString());
    }
  });
});
