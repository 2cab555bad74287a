import { describe, expect, it } from 'vitest';
import { axisOrder, fusionMap, heatColor } from './fusionMap.ts';

describe('fusion heat map data', () => {
  // 3 output channels x 4 input channels; rows 0 and 2 kept, columns 1 and 3 kept.
  const layer = { layer: 's2.b0.conv1', rows: 3, cols: 4, norms: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12] };

  it('marks exactly the entries at kept rows and kept columns as copied', () => {
    const m = fusionMap(layer, [0, 2], [1, 3], false);
    expect(Array.from(m.copied)).toEqual([0, 1, 0, 1, 0, 0, 0, 0, 0, 1, 0, 1]);
    expect(m.copiedStats).toEqual({ count: 4, mean: (2 + 4 + 10 + 12) / 4, max: 12 });
    expect(m.initialStats).toEqual({ count: 8, mean: (1 + 3 + 5 + 6 + 7 + 8 + 9 + 11) / 8, max: 11 });
    expect(m.maxNorm).toBe(12);
    expect(m.perRow[1]).toEqual({ channel: 1, kept: false, copiedMean: null, initialMean: 6.5 });
    expect(m.perRow[2]).toEqual({ channel: 2, kept: true, copiedMean: 11, initialMean: 10 });
  });

  it('puts kept rows and columns first when asked, so the copied block is one rectangle', () => {
    expect(fusionMap(layer, [0, 2], [1, 3], true).colOrder).toEqual([1, 3, 0, 2]);
    expect(fusionMap(layer, [0, 2], [1, 3], true).rowOrder).toEqual([0, 2, 1]);
    expect(axisOrder(3, new Set([2]), false)).toEqual([0, 1, 2]);
  });

  it('refuses kept channels or norms that do not fit the layer', () => {
    expect(() => fusionMap(layer, [3], [0], false)).toThrow('kept output channel 3 out of range for s2.b0.conv1 (3 rows)');
    expect(() => fusionMap(layer, [0], [4], false)).toThrow(/kept input channel 4/);
    expect(() => fusionMap({ ...layer, norms: [1] }, [0], [0], false)).toThrow(/has 1 norms, expected 3 x 4/);
  });

  it('shades from light to dark and says which shades need light ink', () => {
    expect(heatColor(0)).toEqual({ rgb: 'rgb(240,244,250)', dark: false });
    expect(heatColor(1)).toEqual({ rgb: 'rgb(11,46,107)', dark: true });
    expect(heatColor(2)).toEqual(heatColor(1));
  });
});
