/**
 * The fusion view's heat map, as plain data: one layer's dense weight matrix (rows = output channels,
 * columns = input channels, value = the k x k kernel's L2 norm), which entries fusion copied from the
 * trained pruned network (kept row and kept column) and which keep their initialisation, the order of rows
 * and columns on screen, and the numbers the text and table report.
 */
import type { KernelNorms } from '../../core/fuse/snapshot.ts';

export interface EntryStats {
  count: number;
  mean: number | null;
  max: number | null;
}

export interface RowStats {
  channel: number;
  kept: boolean;
  /** Mean norm of the row's copied entries and of its initial ones (null where it has none). */
  copiedMean: number | null;
  initialMean: number | null;
}

export interface FusionMap {
  layer: string;
  rows: number;
  cols: number;
  norms: readonly number[];
  /** copied[row * cols + col] = 1 where the entry came from the trained pruned network. */
  copied: Uint8Array;
  keptRows: ReadonlySet<number>;
  keptCols: ReadonlySet<number>;
  /** Channel shown at each row / column position. */
  rowOrder: number[];
  colOrder: number[];
  maxNorm: number;
  copiedStats: EntryStats;
  initialStats: EntryStats;
  perRow: RowStats[];
}

const mean = (sum: number, n: number): number | null => (n > 0 ? sum / n : null);

/** Kept channels first (each part in channel order), or plain channel order. */
export function axisOrder(size: number, kept: ReadonlySet<number>, keptFirst: boolean): number[] {
  const all = Array.from({ length: size }, (_, i) => i);
  return keptFirst ? [...all.filter((i) => kept.has(i)), ...all.filter((i) => !kept.has(i))] : all;
}

export function fusionMap(layer: KernelNorms, keptRows: readonly number[], keptCols: readonly number[], keptFirst: boolean): FusionMap {
  const { rows, cols, norms } = layer;
  if (norms.length !== rows * cols) throw new RangeError(`layer ${layer.layer} has ${norms.length} norms, expected ${rows} x ${cols}`);
  const kr = new Set(keptRows);
  const kc = new Set(keptCols);
  for (const r of kr) if (r < 0 || r >= rows) throw new RangeError(`kept output channel ${r} out of range for ${layer.layer} (${rows} rows)`);
  for (const c of kc) if (c < 0 || c >= cols) throw new RangeError(`kept input channel ${c} out of range for ${layer.layer} (${cols} columns)`);
  const copied = new Uint8Array(rows * cols);
  let maxNorm = 0;
  const sums = { copied: 0, initial: 0, copiedMax: -Infinity, initialMax: -Infinity, nCopied: 0 };
  const perRow: RowStats[] = [];
  for (let r = 0; r < rows; r++) {
    let [cs, cn, is, inn] = [0, 0, 0, 0];
    for (let c = 0; c < cols; c++) {
      const v = norms[r * cols + c]!;
      if (v > maxNorm) maxNorm = v;
      if (kr.has(r) && kc.has(c)) {
        copied[r * cols + c] = 1;
        cs += v;
        cn++;
        if (v > sums.copiedMax) sums.copiedMax = v;
      } else {
        is += v;
        inn++;
        if (v > sums.initialMax) sums.initialMax = v;
      }
    }
    sums.copied += cs;
    sums.initial += is;
    sums.nCopied += cn;
    perRow.push({ channel: r, kept: kr.has(r), copiedMean: mean(cs, cn), initialMean: mean(is, inn) });
  }
  const nInitial = rows * cols - sums.nCopied;
  return {
    layer: layer.layer, rows, cols, norms, copied, keptRows: kr, keptCols: kc,
    rowOrder: axisOrder(rows, kr, keptFirst), colOrder: axisOrder(cols, kc, keptFirst), maxNorm,
    copiedStats: { count: sums.nCopied, mean: mean(sums.copied, sums.nCopied), max: sums.nCopied > 0 ? sums.copiedMax : null },
    initialStats: { count: nInitial, mean: mean(sums.initial, nInitial), max: nInitial > 0 ? sums.initialMax : null },
    perRow,
  };
}

/** The heat map's colour for a value t in [0, 1]: light grey-blue to dark blue, and its luminance. */
export function heatColor(t: number): { rgb: string; dark: boolean } {
  const u = Math.min(1, Math.max(0, t));
  const [from, to] = [[240, 244, 250], [11, 46, 107]] as const;
  const c = from.map((f, i) => Math.round(f + (to[i]! - f) * u));
  const luminance = (0.2126 * c[0]! + 0.7152 * c[1]! + 0.0722 * c[2]!) / 255;
  return { rgb: `rgb(${c.join(',')})`, dark: luminance < 0.45 };
}
