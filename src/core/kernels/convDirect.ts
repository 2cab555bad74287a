/**
 * Conv2D for wasm by our own direct SIMD convolution (source: convDirectWat.ts, in the direct kernels'
 * module, directKernels.ts) on tfjs-wasm's heap, in place of XNNPACK's: the same bits (see
 * convDirectWat.ts) and 1.1-1.6x faster on one thread on the ResNets' layers. It serves the forward pass,
 * inference and the input gradient (conv2dBackpropInput.ts runs Conv2D). In the threaded build the direct
 * kernels' helper threads (kernelThreads.ts) take chunks of a call's output rows.
 *
 * Output channels not in fours take a copy of the filter with its rows padded to whole vectors (small
 * beside the output). Shapes it does not fit (NCHW, dilation, unequal strides, a pad as large as the
 * filter) and a heap it cannot find go to the kernel registered before (XNNPACK's).
 */
import {
  backend_util, Conv2D, type Conv2DAttrs, type KernelBackend, type KernelConfig, type KernelFunc, type TensorInfo,
} from '@tensorflow/tfjs-core';
import { directKernelsFor, exportIndex } from './directKernels.ts';
import { composeKernel, type KernelScope } from './kernelScope.ts';
import { padRows } from './vectorRows.ts';
import { heapMemory, heapOffset } from './wasmMemory.ts';

/** Below this many multiply-adds a call stays on one thread (waking a helper costs more). */
const MIN_SPLIT_MACS = 1 << 21;
/**
 * Chunks a split call is cut into per thread: output rows cost nothing to split (each chunk writes its own
 * rows of the output), and small chunks let the others take over from a helper that comes late.
 */
const CHUNKS_PER_THREAD = 8;

type Args = { inputs: { x: TensorInfo; filter: TensorInfo }; backend: KernelBackend; attrs: Conv2DAttrs };

function convInfo({ inputs: { x, filter }, attrs }: Args): backend_util.Conv2DInfo {
  return backend_util.computeConv2DInfo(
    x.shape as [number, number, number, number], filter.shape as [number, number, number, number], attrs.strides,
    attrs.dilations, attrs.pad, attrs.dimRoundingMode, false, backend_util.convertConv2DDataFormat(attrs.dataFormat),
  );
}

/**
 * The call's geometry when the direct kernel fits it (NHWC, one stride, no dilation, every window meeting
 * the image, float32), else null.
 */
export function directConvInfo(args: Args): backend_util.Conv2DInfo | null {
  const { x, filter } = args.inputs;
  if (x.dtype !== 'float32' || filter.dtype !== 'float32' || heapMemory(args.backend) === undefined) return null;
  const info = convInfo(args);
  const { top, bottom, left, right } = info.padInfo;
  const fits = info.dataFormat === 'channelsLast' && info.strideHeight === info.strideWidth && info.dilationHeight === 1
    && info.dilationWidth === 1 && info.inChannels > 0 && info.batchSize > 0
    && info.outHeight > 0 && info.outWidth > 0 && Math.min(top, bottom, left, right) >= 0
    && Math.max(top, bottom) < info.filterHeight && Math.max(left, right) < info.filterWidth;
  return fits ? info : null;
}

function convDirect(s: KernelScope, x: TensorInfo, filter: TensorInfo, info: backend_util.Conv2DInfo): TensorInfo {
  const { batchSize: n, inHeight: h, inWidth: w, inChannels: ci, outHeight: ho, outWidth: wo, outChannels: co } = info;
  const { filterHeight: kh, filterWidth: kw, strideHeight: stride } = info;
  const kernel = directKernelsFor(heapMemory(s.backend)!);
  const weights = padRows(s, filter);
  const out = s.alloc([n, ho, wo, co]);
  const args = [heapOffset(s.backend, x), heapOffset(s.backend, weights), heapOffset(s.backend, out), n, h, w, ci, ho, wo, co, kh, kw, stride, info.padInfo.top, info.padInfo.left];
  const rows = n * ho;
  const threads = kernel.threads;
  if (threads?.ready && rows > 1 && rows * wo * co * kh * kw * ci >= MIN_SPLIT_MACS) {
    threads.run(exportIndex('conv'), args, rows, Math.ceil(rows / (CHUNKS_PER_THREAD * (threads.helpers + 1))), 0);
  } else {
    kernel.exports.conv(...args, 0, rows);
  }
  return out;
}

/** `fallback`: the kernel this one replaces (XNNPACK's), for the cases it does not handle. */
export function conv2dDirectConfig(backendName: string, fallback?: KernelConfig): KernelConfig {
  const kernelFunc = (args: Args): TensorInfo => {
    const info = directConvInfo(args);
    if (!info) {
      if (!fallback) throw new Error(`Conv2D on ${backendName}: no direct form for this call and no kernel to fall back on`);
      return fallback.kernelFunc(args as never) as TensorInfo;
    }
    return composeKernel(args.backend, backendName, (s) => convDirect(s, args.inputs.x, args.inputs.filter, info));
  };
  return { kernelName: Conv2D, backendName, kernelFunc: kernelFunc as unknown as KernelFunc };
}
