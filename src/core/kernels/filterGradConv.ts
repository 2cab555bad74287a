/**
 * The filter gradient as one forward Conv2D (dilated by the stride: XNNPACK's kernel; at stride 1 the
 * direct convolution): the form used where wasm memory cannot be read directly (see
 * conv2dBackpropFilter.ts), 2-3x slower than a forward conv of the same size (its GEMM has a tiny output
 * and a huge inner dimension, plus three transposes and the repacking of dy as a filter).
 *
 *   dW[a, b, ci, co] = sum_{n, i, j} x[n, s*i + a - pt, s*j + b - pl, ci] * dy[n, i, j, co]
 *
 * is a conv whose "batch" is ci, "channels" are n and "filter" is dy: x^T = [Ci, H, W, N] convolved with
 * dy^T = [Ho, Wo, N, Co] at stride 1 and dilation s gives [Ci, kh, kw, Co], transposed to [kh, kw, Ci, Co].
 * TF's asymmetric 'same' padding carries over as explicit padding; where it comes out negative (a strided
 * 1x1 conv never reads x's last row) x^T is cropped instead. A 1x1 stride-1 conv is the plain product
 * x^T dy, one matMul.
 */
import type { backend_util, TensorInfo } from '@tensorflow/tfjs-core';
import { filterGradPadding } from './convGeometry.ts';
import type { KernelScope } from './kernelScope.ts';

export function filterGradConv(s: KernelScope, x: TensorInfo, dy: TensorInfo, info: backend_util.Conv2DInfo): TensorInfo {
  const { batchSize: n, inHeight: h, inWidth: w, inChannels: ci, outHeight: ho, outWidth: wo, outChannels: co } = info;
  const { filterHeight: kh, filterWidth: kw, strideHeight: sh, strideWidth: sw } = info;

  if (kh === 1 && kw === 1 && sh === 1 && sw === 1 && info.padInfo.top === 0 && info.padInfo.left === 0 && ho === h && wo === w) {
    const xt = s.transpose(s.reshape(x, [n * h * w, ci]), [1, 0]);
    const prod = s.run('BatchMatMul', { a: s.reshape(xt, [1, ci, n * h * w]), b: s.reshape(dy, [1, n * h * w, co]) }, { transposeA: false, transposeB: false });
    return s.reshape(prod, [1, 1, ci, co]);
  }

  const rows = filterGradPadding(h, ho, kh, sh, info.padInfo.top);
  const cols = filterGradPadding(w, wo, kw, sw, info.padInfo.left);
  let xt = s.transpose(x, [3, 1, 2, 0]);
  if (rows.before < 0 || cols.before < 0) throw new Error(`Conv2DBackpropFilter: negative leading padding ${rows.before}, ${cols.before}`);
  if (rows.after < 0 || cols.after < 0) {
    xt = s.slice(xt, [0, 0, 0, 0], [ci, h + Math.min(0, rows.after), w + Math.min(0, cols.after), n]);
  }
  const dyt = s.transpose(dy, [1, 2, 0, 3]);
  const pad: backend_util.ExplicitPadding = [[0, 0], [rows.before, Math.max(0, rows.after)], [cols.before, Math.max(0, cols.after)], [0, 0]];
  const g = s.run('Conv2D', { x: xt, filter: dyt }, { strides: [1, 1], pad, dataFormat: 'NHWC', dilations: [sh, sw] });
  if (g.shape[1] !== kh || g.shape[2] !== kw) throw new Error(`Conv2DBackpropFilter: got ${g.shape}, expected [${ci}, ${kh}, ${kw}, ${co}]`);
  return s.transpose(g, [1, 2, 0, 3]);
}
