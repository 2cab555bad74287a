/**
 * The grids of the filter gradient's shifted GEMMs (filterGradGemm.ts): sizes, and the two layout passes,
 * as pure functions over plain arrays.
 *
 * Per dimension, with stride s, padding padBefore, k taps and outSize outputs, tap a = s*qa + ra reads
 * phase ra of the zero-padded input at position i + qa for output i. Each image's phase is laid out on
 * `grid` positions, with the input's data at `lead + m` for phase position m (lead counts leading zeros).
 * Reads for an output inside dy must land either on data or on a zero: inside the image's own grid, or,
 * when they run past its end, in the leading zeros of the next one (next image, next row, the next
 * channel's first image, or the extra zero channel after the last). So for stride 1 the padding after the
 * data is shared with the padding before the next (grid = max(pad + inSize, outSize + k - 1 - pad):
 * 33 for 32 inputs and a 3x3 'same' conv, not 34); for larger strides each phase keeps its whole margin.
 */

export interface GridDim {
  /** Grid positions per image (rows) or per row (columns). */
  grid: number;
  stride: number;
  padBefore: number;
  inSize: number;
  outSize: number;
}

export function gridDim(inSize: number, outSize: number, k: number, stride: number, padBefore: number): GridDim {
  const grid = stride === 1
    ? Math.max(padBefore + inSize, outSize + k - 1 - padBefore)
    : outSize + Math.floor((k - 1) / stride);
  return { grid, stride, padBefore, inSize, outSize };
}

/** The phase grid's position of input index u for phase r, or -1 when u is not in phase r or off the grid. */
function gridPos(d: GridDim, r: number, u: number): number {
  if (d.stride === 1) return u + d.padBefore < d.grid ? u + d.padBefore : -1;
  const v = u + d.padBefore - r;
  if (v < 0 || v % d.stride !== 0) return -1;
  const m = v / d.stride;
  return m < d.grid ? m : -1;
}

/**
 * Phase (ry, rx) of x [n, h, w, c] (NHWC), transposed: dst[ch * L + (b * rows.grid + m) * cols.grid + l],
 * L = n * rows.grid * cols.grid, for ch < c, and zeros everywhere else, including one extra row of L
 * zeros after the last channel (dst holds (c + 1) * L values).
 *
 * One image at a time, channel by channel: the writes run along dst's rows and the strided reads stay
 * inside one image of x (16-64 KB for these networks, cache-resident); writing all channels of a pixel
 * at once scattered its stores c rows apart (a first-stage ResNet-20 layer: 3.8 ms that way, 3.3 this way).
 */
export function fillInputPhase(x: Float32Array, dst: Float32Array, n: number, c: number, rows: GridDim, cols: GridDim, ry: number, rx: number): void {
  const { grid: hq, inSize: h } = rows;
  const { grid: wq, inSize: w } = cols;
  const L = n * hq * wq;
  dst.fill(0);
  // The input columns of this phase and where they go: u = firstU + k * step lands at firstL + k.
  const colPos = Array.from({ length: w }, (_, u) => gridPos(cols, rx, u));
  const firstU = colPos.findIndex((l) => l >= 0);
  if (firstU < 0) return;
  const step = cols.stride;
  const firstL = colPos[firstU]!;
  let count = 0;
  while (firstU + count * step < w && colPos[firstU + count * step]! >= 0) count++;
  const rowPos = Array.from({ length: h }, (_, y) => gridPos(rows, ry, y));
  const pixel = step * c;
  for (let b = 0; b < n; b++) {
    for (let ch = 0; ch < c; ch++) {
      const plane = ch * L + b * hq * wq + firstL;
      for (let y = 0; y < h; y++) {
        const m = rowPos[y]!;
        if (m < 0) continue;
        let src = ((b * h + y) * w + firstU) * c + ch;
        const d = plane + m * wq;
        for (let k = 0; k < count; k++, src += pixel) dst[d + k] = x[src]!;
      }
    }
  }
}

/** dy [n, ho, wo, c] placed at the top-left of each image's rows.grid x cols.grid grid, zeros elsewhere. */
export function fillOutputGrid(dy: Float32Array, dst: Float32Array, n: number, c: number, rows: GridDim, cols: GridDim): void {
  const { grid: hq, outSize: ho } = rows;
  const { grid: wq, outSize: wo } = cols;
  dst.fill(0);
  const run = wo * c;
  for (let b = 0; b < n; b++) {
    for (let i = 0; i < ho; i++) {
      const src = (b * ho + i) * run;
      dst.set(dy.subarray(src, src + run), ((b * hq + i) * wq) * c);
    }
  }
}
