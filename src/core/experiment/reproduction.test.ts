import { describe, expect, it } from 'vitest';
import type { RunResults } from './events.ts';
import { reproductionVerdict } from './reproduction.ts';

const run = (backend: string, acc: number, images: number[]) => ({
  backend,
  methods: [{ method: 'al', rounds: [{ round: 0, selectorAccuracy: acc }, { round: 1, selectorAccuracy: 0.5 }] }],
  tracks: [{ id: 'al', selections: [{ round: 0, images }] }],
}) as unknown as RunResults;

describe('reproductionVerdict', () => {
  it('is identical only when every accuracy and selection matches', () => {
    expect(reproductionVerdict(run('wasm', 0.3, [1, 2]), run('wasm', 0.3, [1, 2]))).toEqual({ sameBackend: true, identical: true, differences: [{ method: 'al', largest: 0 }] });
    expect(reproductionVerdict(run('wasm', 0.3, [1, 2]), run('wasm', 0.3, [2, 1])).identical).toBe(false);
    const other = reproductionVerdict(run('wasm', 0.3, [1, 2]), run('webgpu', 0.32, [1, 2]));
    expect(other.sameBackend).toBe(false);
    expect(other.identical).toBe(false);
    expect(other.differences[0]!.largest).toBeCloseTo(0.02, 12);
  });
});
