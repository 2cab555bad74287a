/**
 * Conv2DBackpropFilter for wasm, which has none, in one of three forms:
 * - 'direct': our own SIMD wasm kernel summing from x and dy in place (filterGradDirect.ts), where the
 *   module's memory can be found (tfjs-wasm 4.22; see wasmMemory.ts) and the shape fits it (one stride);
 * - 'gemm': else, where the heap can be read and viewed, kh * kw XNNPACK GEMMs over one padded,
 *   transposed copy of the input (filterGradGemm.ts), 1.5-2.4x slower on one thread; same bits as 'direct';
 * - 'conv': else, one dilated forward Conv2D (filterGradConv.ts), 2-3x slower again.
 * `form` forces one of them (for tests and the benchmark's kernel table).
 */
import {
  backend_util, Conv2DBackpropFilter, type Conv2DBackpropFilterAttrs, type KernelBackend, type KernelConfig, type KernelFunc, type TensorInfo,
} from '@tensorflow/tfjs-core';
import { filterGradConv } from './filterGradConv.ts';
import { directFilterGradFits, filterGradDirect } from './filterGradDirect.ts';
import { filterGradGemm } from './filterGradGemm.ts';
import { composeKernel, type KernelScope } from './kernelScope.ts';
import { supportsViews } from './wasmMemory.ts';

export interface FilterGradInputs {
  x: TensorInfo;
  dy: TensorInfo;
}

export type FilterGradForm = 'direct' | 'gemm' | 'conv';

function filterGrad(s: KernelScope, x: TensorInfo, dy: TensorInfo, attrs: Conv2DBackpropFilterAttrs, form?: FilterGradForm): TensorInfo {
  if (attrs.dataFormat !== undefined && attrs.dataFormat !== 'NHWC') {
    throw new Error(`Conv2DBackpropFilter on ${s.backendName} supports NHWC only, got ${attrs.dataFormat}`);
  }
  const info = backend_util.computeConv2DInfo(
    x.shape as [number, number, number, number], attrs.filterShape, attrs.strides, 1, attrs.pad, attrs.dimRoundingMode,
  );
  const chosen = form ?? (directFilterGradFits(s.backend, info) ? 'direct' : supportsViews(s.backend) ? 'gemm' : 'conv');
  if (chosen === 'direct') return filterGradDirect(s, x, dy, info);
  return chosen === 'gemm' ? filterGradGemm(s, x, dy, info) : filterGradConv(s, x, dy, info);
}

export function conv2dBackpropFilterConfig(backendName: string, form?: FilterGradForm): KernelConfig {
  const kernelFunc = ({ inputs, backend, attrs }: { inputs: FilterGradInputs; backend: KernelBackend; attrs: Conv2DBackpropFilterAttrs }): TensorInfo =>
    composeKernel(backend, backendName, (s) => filterGrad(s, inputs.x, inputs.dy, attrs, form));
  return { kernelName: Conv2DBackpropFilter, backendName, kernelFunc: kernelFunc as unknown as KernelFunc };
}
