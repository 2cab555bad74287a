import { describe, expect, it } from 'vitest';
import { coincidentGroups } from './coincide.ts';

describe('coincidentGroups', () => {
  it('groups series with the same values at the same rows', () => {
    const rows = [
      { fraction: 0.02, s0: 1, s1: 2, s2: 2, s3: 2, s4: 1 },
      { fraction: 0.1, s0: 3, s1: 4, s2: 4, s3: 5, s4: 3 },
    ];
    expect(coincidentGroups(rows, ['s0', 's1', 's2', 's3', 's4'])).toEqual([['s0', 's4'], ['s1', 's2']]);
  });

  it('a series missing where another has a value does not coincide with it; empty series never do', () => {
    const rows = [{ x: 1, a: 0.5, b: 0.5 }, { x: 2, a: 0.6 }];
    expect(coincidentGroups(rows, ['a', 'b'])).toEqual([]);
    expect(coincidentGroups([{ x: 1 }], ['a', 'b'])).toEqual([]);
  });

  it('tolerates float noise only', () => {
    expect(coincidentGroups([{ x: 1, a: 0.3, b: 0.1 + 0.2 }], ['a', 'b'])).toEqual([['a', 'b']]);
    expect(coincidentGroups([{ x: 1, a: 0.3, b: 0.3001 }], ['a', 'b'])).toEqual([]);
  });
});
