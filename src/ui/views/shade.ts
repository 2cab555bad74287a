/**
 * Cell shading for the views' tables (confusion matrix, class histogram): a blue whose depth shows a
 * fraction, with black or white text, whichever contrasts more. For any background one of the two reaches
 * at least 4.58:1 (WCAG's relative luminance: black gives (L + 0.05) / 0.05, white 1.05 / (L + 0.05),
 * equal at L = 0.179), so text stays readable (WCAG AA 4.5:1) at every depth.
 */

const WHITE: Rgb = [255, 255, 255];
const DEEP: Rgb = [23, 63, 150];

type Rgb = [number, number, number];

const channel = (v: number) => {
  const c = v / 255;
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
};

/** WCAG 2.1 relative luminance of an sRGB colour. */
export const luminance = ([r, g, b]: Rgb): number => 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);

/** WCAG 2.1 contrast ratio of two colours (>= 1). */
export function contrast(a: Rgb, b: Rgb): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

const hex = (rgb: Rgb) => `#${rgb.map((v) => Math.round(v).toString(16).padStart(2, '0')).join('')}`;

export interface Shade {
  background: string;
  color: string;
  /** The contrast of text and background. */
  contrast: number;
}

/** The shade for a fraction in [0, 1] (clamped; NaN is 0). */
export function shade(fraction: number): Shade {
  const f = Number.isFinite(fraction) ? Math.min(1, Math.max(0, fraction)) : 0;
  const bg = WHITE.map((w, i) => w + (DEEP[i]! - w) * f) as Rgb;
  const black: Rgb = [0, 0, 0];
  const onBlack = contrast(bg, black);
  const onWhite = contrast(bg, WHITE);
  return onBlack >= onWhite ? { background: hex(bg), color: '#000000', contrast: onBlack } : { background: hex(bg), color: '#ffffff', contrast: onWhite };
}
