import { describe, expect, it } from 'vitest';
import { classKey, classOfKey, SKIP_KEY } from './classKeys.ts';

describe('class keys', () => {
  it('maps digits, then 0, then letters other than the skip key, both ways', () => {
    expect([0, 8, 9, 10].map(classKey)).toEqual(['1', '9', '0', 'a']);
    for (let k = 0; k < 35; k++) {
      const key = classKey(k);
      expect(key).not.toBe(SKIP_KEY);
      expect(key === null ? null : classOfKey(key, 35)).toBe(key === null ? null : k);
    }
    expect(classKey(40)).toBeNull();
  });
  it('refuses keys beyond the classes', () => {
    expect(classOfKey('3', 2)).toBeNull();
    expect(classOfKey('0', 9)).toBeNull();
    expect(classOfKey('A', 11)).toBe(10);
    expect(classOfKey(SKIP_KEY, 40)).toBeNull();
    expect(classOfKey('Enter', 10)).toBeNull();
  });
});
