import { describe, expect, it } from 'vitest';
import { colourOf, dashOf, PALETTE_COLOURS, textColourOf } from './colors.ts';

/** WCAG 2.1 contrast ratio of two #rrggbb colours. */
function contrast(a: string, b: string): number {
  const luminance = (hex: string) => {
    const [r, g, bl] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

describe('series colours', () => {
  it('the contrast formula gives the known ratios', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#ff7f0e', '#ffffff')).toBeCloseTo(2.53, 2);
  });

  it('every line has 3:1 on white and every text colour 4.5:1 on white and the pale rows', () => {
    for (const { line, text } of PALETTE_COLOURS) {
      expect(contrast(line, '#ffffff'), line).toBeGreaterThanOrEqual(3);
      for (const bg of ['#ffffff', '#f4f7ff', '#eef3ff']) expect(contrast(text, bg), `${text} on ${bg}`).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('a method keeps its colour and dash; the first methods differ in dash as well as colour', () => {
    const methods = ['al', 'prunefuse@0.5', 'prunefuse-nokd@0.5', 'prunefuse-nofuse@0.5', 'svp'];
    expect(colourOf('svp', methods)).toBe(colourOf('svp', methods));
    expect(textColourOf('al', methods)).not.toBe(textColourOf('svp', methods));
    const dashes = methods.map((m) => dashOf(m, methods) ?? 'solid');
    expect(new Set(dashes).size).toBe(methods.length);
  });
});
