/**
 * Conv2DBackpropInput for wasm, replacing wasm's own (a scalar loop, the slowest kernel of a training
 * step) with one forward Conv2D (the direct convolution, convDirect.ts) over dy:
 *   stride 1: dy convolved with the spatially flipped, in/out-swapped filter;
 *   stride s: the sub-pixel form (see convGeometry.ts): the rows s*m + ry of dx are one conv of dy with
 *   the few filter taps that phase ry reads, its s*Ci output channels holding the column phases side by
 *   side (so its output already is those rows, columns interleaved); a Concat stacks the s row phases.
 *   No zero-dilated dy, no multiplications by inserted zeros, no DepthToSpace (slow on wasm).
 * The phase filters are built on the host from the (small) filter. Cases outside this (NCHW, unequal
 * strides) go to the kernel registered before.
 */
import {
  backend_util, Conv2DBackpropInput, type Conv2DBackpropInputAttrs, type KernelBackend, type KernelConfig, type KernelFunc, type TensorInfo,
} from '@tensorflow/tfjs-core';
import { phaseConv, phaseWindow, rowPhaseFilter, unionWindow, type PhaseWindow } from './convGeometry.ts';
import { composeKernel, type KernelScope } from './kernelScope.ts';

export interface InputGradInputs {
  dy: TensorInfo;
  filter: TensorInfo;
}

type Args = { inputs: InputGradInputs; backend: KernelBackend; attrs: Conv2DBackpropInputAttrs };

function stridesOf(attrs: Conv2DBackpropInputAttrs): [number, number] {
  return typeof attrs.strides === 'number' ? [attrs.strides, attrs.strides] : attrs.strides;
}

interface Plan {
  info: backend_util.Conv2DInfo;
  stride: number;
  /** Per row phase: its window of dy rows and padding, or null window when it reads nothing (zeros). */
  rowPhases: Array<{ window: PhaseWindow | null; pad: [number, number] }>;
  cols: PhaseWindow;
  colPad: [number, number];
  rowsPerPhase: number;
  colsPerPhase: number;
}

function plan(filterShape: number[], attrs: Conv2DBackpropInputAttrs): Plan | null {
  const [sh, sw] = stridesOf(attrs);
  if ((attrs.dataFormat !== undefined && attrs.dataFormat !== 'NHWC') || sh !== sw) return null;
  const info = backend_util.computeConv2DInfo(
    attrs.inputShape, filterShape as [number, number, number, number], attrs.strides, 1, attrs.pad, attrs.dimRoundingMode,
  );
  const stride = sh;
  const rowsPerPhase = Math.ceil(info.inHeight / stride);
  const colsPerPhase = Math.ceil(info.inWidth / stride);
  const { window: cols, pad: colPad } = phaseConv(unionWindow(info.filterWidth, stride, info.padInfo.left), info.outWidth, colsPerPhase);
  const rowPhases = Array.from({ length: stride }, (_, ry) => {
    const w = phaseWindow(info.filterHeight, stride, info.padInfo.top, ry);
    return w.eMax < w.eMin ? { window: null, pad: [0, 0] as [number, number] } : phaseConv(w, info.outHeight, rowsPerPhase);
  });
  return { info, stride, rowPhases, cols, colPad, rowsPerPhase, colsPerPhase };
}

function inputGrad(s: KernelScope, dy: TensorInfo, filter: TensorInfo, p: Plan): TensorInfo {
  const { info, stride, rowsPerPhase: m, colsPerPhase: mw } = p;
  const { batchSize: n, inHeight: h, inWidth: w, inChannels: ci, outChannels: co, filterHeight: kh, filterWidth: kw } = info;
  const weights = s.backend.readSync(filter.dataId) as Float32Array;
  const phases = p.rowPhases.map(({ window, pad }, ry) => {
    const shape = [n, m, 1, mw * stride * ci];
    if (!window) return s.run('Fill', {}, { shape, value: 0, dtype: 'float32' });
    const rows = window.eMax - window.eMin + 1;
    const cols = p.cols.eMax - p.cols.eMin + 1;
    const f = rowPhaseFilter(weights, { kh, kw, inC: ci, outC: co }, stride, { top: info.padInfo.top, left: info.padInfo.left }, ry, window, p.cols);
    const explicit: backend_util.ExplicitPadding = [[0, 0], pad, p.colPad, [0, 0]];
    const conv = s.run('Conv2D', { x: dy, filter: s.upload(f, [rows, cols, co, stride * ci]) }, { strides: [1, 1], pad: explicit, dataFormat: 'NHWC', dilations: [1, 1] });
    return stride === 1 ? conv : s.reshape(conv, shape);
  });
  const stacked = phases.length === 1 ? phases[0]! : s.run('Concat', phases, { axis: 2 });
  const dx = stride === 1 ? stacked : s.reshape(stacked, [n, m * stride, mw * stride, ci]);
  return s.slice(dx, [0, 0, 0, 0], [n, h, w, ci]);
}

/** `fallback`: the kernel this one replaces, for the cases it does not handle. */
export function conv2dBackpropInputConfig(backendName: string, fallback?: KernelConfig): KernelConfig {
  const kernelFunc = (args: Args): TensorInfo => {
    const p = plan(args.inputs.filter.shape, args.attrs);
    if (!p) {
      if (!fallback) throw new Error(`Conv2DBackpropInput on ${backendName}: NHWC with equal strides only`);
      return fallback.kernelFunc(args as never) as TensorInfo;
    }
    return composeKernel(args.backend, backendName, (s) => inputGrad(s, args.inputs.dy, args.inputs.filter, p));
  };
  return { kernelName: Conv2DBackpropInput, backendName, kernelFunc: kernelFunc as unknown as KernelFunc };
}
