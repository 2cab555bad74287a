/**
 * Index arithmetic for expressing the two gradients of a 2-D convolution as forward convolutions, so a
 * backend's fast forward conv (on wasm our direct convolution) can serve them. Pure functions on sizes and plain arrays;
 * the kernels that use them live beside this file. One spatial dimension at a time: the forward conv reads
 * input position u = stride * i + a - padBefore for output i and filter tap a (TF's 'same' padding puts the
 * odd pixel after, which padBefore/padAfter carry as computed by tfjs's computeConv2DInfo).
 *
 * Filter gradient, per dimension:  dW[a] = sum_i x[stride * i + a - padBefore] * dy[i]
 *   = a forward conv of x (batch and channels swapped) with dy as the filter, dilated by the stride, whose
 *   output has exactly `k` positions. See filterGradPadding.
 *
 * Input gradient, per dimension, split into `stride` phases u = stride * m + r ("sub-pixel" form):
 *   dx[stride * m + r] = sum_e dy[m + e] * W[r + padBefore - stride * e]
 *   = a forward conv of dy per row phase, whose output channels hold the column phases side by side, so
 *   the row phases only need stacking (no zero-dilated dy, no multiplications by inserted zeros). For
 *   stride 1 this is the familiar conv with the flipped, transposed filter. See rowPhaseFilter.
 */

/** Padding (possibly negative: crop) of x so that a stride-1, stride-dilated conv with dy yields k outputs. */
export function filterGradPadding(inSize: number, outSize: number, k: number, stride: number, padBefore: number): { before: number; after: number } {
  // Output positions a = 0..k-1 read x[a + stride * i - padBefore], i = 0..outSize-1, so the padded input
  // must span padBefore + (k - 1) + stride * (outSize - 1) + 1 positions.
  return { before: padBefore, after: stride * (outSize - 1) + k - inSize - padBefore };
}

/** The dy offsets e = i - m that phase r of the input gradient reads: taps eMin..eMax (none if eMax < eMin). */
export interface PhaseWindow {
  eMin: number;
  eMax: number;
}

/** dx[stride * m + r] reads dy[m + e] through filter tap a = r + padBefore - stride * e, for 0 <= a < k. */
export function phaseWindow(k: number, stride: number, padBefore: number, r: number): PhaseWindow {
  // (+ 0 turns Math.ceil's -0 into 0.)
  return { eMin: Math.ceil((r + padBefore - k + 1) / stride) + 0, eMax: Math.floor((r + padBefore) / stride) };
}

export function phaseTap(k: number, stride: number, padBefore: number, r: number, e: number): number {
  const a = r + padBefore - stride * e;
  return a >= 0 && a < k ? a : -1;
}

/** The window covering every phase of a dimension (the columns, whose phases share one conv). */
export function unionWindow(k: number, stride: number, padBefore: number): PhaseWindow {
  const ws = Array.from({ length: stride }, (_, r) => phaseWindow(k, stride, padBefore, r)).filter((w) => w.eMax >= w.eMin);
  return { eMin: Math.min(...ws.map((w) => w.eMin)), eMax: Math.max(...ws.map((w) => w.eMax)) };
}

/**
 * The conv over dy for a (non-empty) phase window that must produce `outPerPhase` positions from dy's
 * `outSize`: the window, widened with zero taps where dy would otherwise need cropping (strides above 2
 * or unusual padding), and dy's zero padding [before, after].
 */
export function phaseConv(w: PhaseWindow, outSize: number, outPerPhase: number): { window: PhaseWindow; pad: [number, number] } {
  const window = { eMin: Math.min(w.eMin, 0), eMax: Math.max(w.eMax, outSize - outPerPhase) };
  return { window, pad: [-window.eMin, outPerPhase - 1 + window.eMax - (outSize - 1)] };
}

/**
 * The filter of row phase `ry` of the input gradient, [rows, cols, outC, stride * inC], from the forward
 * filter [kh, kw, inC, outC]: output channel rx * inC + c is column phase rx, so the conv's output
 * [N, M, Mw, stride * inC] is already dx's rows stride * m + ry with columns interleaved.
 */
export function rowPhaseFilter(
  w: ArrayLike<number>, shape: { kh: number; kw: number; inC: number; outC: number }, stride: number,
  pad: { top: number; left: number }, ry: number, rows: PhaseWindow, cols: PhaseWindow,
): Float32Array {
  const { kh, kw, inC, outC } = shape;
  const nRows = rows.eMax - rows.eMin + 1;
  const nCols = cols.eMax - cols.eMin + 1;
  const outCh = stride * inC;
  const f = new Float32Array(nRows * nCols * outC * outCh);
  for (let t = 0; t < nRows; t++) {
    const a = phaseTap(kh, stride, pad.top, ry, rows.eMin + t);
    if (a < 0) continue;
    for (let u = 0; u < nCols; u++) {
      for (let rx = 0; rx < stride; rx++) {
        const b = phaseTap(kw, stride, pad.left, rx, cols.eMin + u);
        if (b < 0) continue;
        for (let co = 0; co < outC; co++) {
          const dst = ((t * nCols + u) * outC + co) * outCh + rx * inC;
          const src = (a * kw + b) * inC * outC + co;
          for (let ci = 0; ci < inC; ci++) f[dst + ci] = w[src + ci * outC]!;
        }
      }
    }
  }
  return f;
}
