/**
 * Conv2DBackpropFilter for wasm, which has none. On tfjs-wasm 4.22 (whose heap we can read and view):
 * kh * kw GEMMs over one padded, transposed copy of the input (filterGradGemm.ts). Otherwise (a wasm
 * build whose internals differ) the older form below: the filter gradient as one forward Conv2D (XNNPACK),
 * 2-3x slower than a forward conv of the same size.
 *
 *   dW[a, b, ci, co] = sum_{n, i, j} x[n, s*i + a - pt, s*j + b - pl, ci] * dy[n, i, j, co]
 *
 * is a conv whose "batch" is ci, "channels" are n and "filter" is dy: x^T = [Ci, H, W, N] convolved with
 * dy^T = [Ho, Wo, N, Co] at stride 1 and dilation s gives [Ci, kh, kw, Co], transposed to [kh, kw, Ci, Co].
 * TF's asymmetric 'same' padding carries over as explicit padding; where it comes out negative (a strided
 * 1x1 conv never reads x's last row) x^T is cropped instead. A 1x1 stride-1 conv is the plain product
 * x^T dy, one matMul.
 */
import {
  backend_util, Conv2DBackpropFilter, type Conv2DBackpropFilterAttrs, type KernelBackend, type KernelConfig, type KernelFunc, type TensorInfo,
} from '@tensorflow/tfjs-core';
import { filterGradPadding } from './convGeometry.ts';
import { filterGradGemm } from './filterGradGemm.ts';
import { composeKernel, type KernelScope } from './kernelScope.ts';
import { supportsViews } from './wasmMemory.ts';

export interface FilterGradInputs {
  x: TensorInfo;
  dy: TensorInfo;
}

function filterGrad(s: KernelScope, x: TensorInfo, dy: TensorInfo, attrs: Conv2DBackpropFilterAttrs): TensorInfo {
  if (attrs.dataFormat !== undefined && attrs.dataFormat !== 'NHWC') {
    throw new Error(`Conv2DBackpropFilter on ${s.backendName} supports NHWC only, got ${attrs.dataFormat}`);
  }
  const info = backend_util.computeConv2DInfo(
    x.shape as [number, number, number, number], attrs.filterShape, attrs.strides, 1, attrs.pad, attrs.dimRoundingMode,
  );
  const { batchSize: n, inHeight: h, inWidth: w, inChannels: ci, outHeight: ho, outWidth: wo, outChannels: co } = info;
  const { filterHeight: kh, filterWidth: kw, strideHeight: sh, strideWidth: sw } = info;
  if (supportsViews(s.backend)) return filterGradGemm(s, x, dy, info);

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

export function conv2dBackpropFilterConfig(backendName: string): KernelConfig {
  const kernelFunc = ({ inputs, backend, attrs }: { inputs: FilterGradInputs; backend: KernelBackend; attrs: Conv2DBackpropFilterAttrs }): TensorInfo =>
    composeKernel(backend, backendName, (s) => filterGrad(s, inputs.x, inputs.dy, attrs));
  return { kernelName: Conv2DBackpropFilter, backendName, kernelFunc: kernelFunc as unknown as KernelFunc };
}
