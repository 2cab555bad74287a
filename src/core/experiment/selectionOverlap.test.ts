import { describe, expect, it } from 'vitest';
import { compareWithAl, overlapOf, selectionOverlap, sharedSelectors } from './selectionOverlap.ts';

const sel = (round: number, images: number[]) => ({ round, images, scores: null });

describe('selection overlap', () => {
  it('is |A ∩ B| / |B|, with B the reference', () => {
    expect(overlapOf([1, 2, 3, 4], [3, 4, 5, 6, 7])).toEqual({ shared: 2, reference: 5, fraction: 0.4 });
    expect(overlapOf([1, 2], [1])).toEqual({ shared: 1, reference: 1, fraction: 1 });
    expect(overlapOf([1], [])).toEqual({ shared: 0, reference: 0, fraction: 0 });
  });

  it('pairs rounds by number and skips rounds only one track selected in', () => {
    const pruned = [sel(1, [10, 11]), sel(0, [1, 2, 3, 4])];
    const al = [sel(0, [2, 4, 6, 8]), sel(1, [12, 13]), sel(2, [1])];
    expect(selectionOverlap(pruned, al)).toEqual([
      { round: 0, shared: 2, reference: 4, fraction: 0.5 },
      { round: 1, shared: 0, reference: 2, fraction: 0 },
    ]);
  });
});

const info = { model: 'resnet8', params: 0, macs: 0 };
const method = (m: string, base: 'al' | 'prunefuse' | 'prunefuse-nokd' | 'svp', track: string) => ({ method: m, base, track });

describe('compareWithAl', () => {
  it('says there is no AL track instead of giving a number', () => {
    const results = { methods: [method('prunefuse@0.5', 'prunefuse', 'pruned@0.5')], tracks: [{ id: 'pruned@0.5', selector: info, selections: [sel(0, [1])] }] };
    expect(compareWithAl(results)).toEqual({ kind: 'no-al' });
  });

  it('says when AL is the only selector', () => {
    const results = { methods: [method('al', 'al', 'al')], tracks: [{ id: 'al', selector: info, selections: [sel(0, [1])] }] };
    expect(compareWithAl(results)).toEqual({ kind: 'al-only', reference: 'al' });
  });

  it('compares every other track with AL, round by round, leaving out rounds a track has not selected in yet', () => {
    const results = {
      methods: [method('al', 'al', 'al'), method('prunefuse@0.5', 'prunefuse', 'pruned@0.5'), method('svp', 'svp', 'svp')],
      tracks: [
        { id: 'al', selector: info, selections: [sel(0, [1, 2]), sel(1, [3, 4])] },
        { id: 'pruned@0.5', selector: info, selections: [sel(0, [2, 9]), sel(1, [3, 4])] },
        { id: 'svp', selector: info, selections: [sel(0, [7, 8])] },
      ],
    };
    const c = compareWithAl(results);
    if (c.kind !== 'compared') throw new Error(`expected a comparison, got ${c.kind}`);
    expect(c.reference).toBe('al');
    expect(c.rounds).toEqual([0, 1]);
    expect(c.tracks.map((t) => t.track)).toEqual(['pruned@0.5', 'svp']);
    expect([...c.tracks[0]!.overlap.values()].map((o) => o.fraction)).toEqual([0.5, 1]);
    expect(c.tracks[1]!.overlap.get(0)?.fraction).toBe(0);
    expect(c.tracks[1]!.overlap.has(1)).toBe(false);
  });
});

describe('sharedSelectors', () => {
  it('lists tracks that select for several methods', () => {
    const methods = [method('al', 'al', 'al'), method('prunefuse@0.5', 'prunefuse', 'pruned@0.5'), method('prunefuse-nokd@0.5', 'prunefuse-nokd', 'pruned@0.5')];
    expect(sharedSelectors(methods)).toEqual([{ track: 'pruned@0.5', methods: ['prunefuse@0.5', 'prunefuse-nokd@0.5'] }]);
    expect(sharedSelectors(methods.slice(0, 2))).toEqual([]);
  });
});
