/**
 * One momentum-SGD update of one parameter as a single wasm kernel (see src/core/train/sgd.ts for the rule):
 *   g = grad + wd * w;  v' = momentum * v + g;  w' = w - lr * (nesterov ? g + momentum * v' : v')
 * As tfjs ops this is eight elementwise kernels per parameter with Nesterov momentum (as the trainer runs
 * it; six without) and scalar uploads, 520 small kernel calls per ResNet-20 step; here it is one pass.
 * Every operation is rounded to float32 (Math.fround) in the same order as those ops, which wasm computes
 * in float32 without fused multiply-add, so the results are the same bits.
 */
import { getKernel, type KernelBackend, type KernelConfig, type KernelFunc, type TensorInfo } from '@tensorflow/tfjs-core';
import { allocate, heapF32, supportsViews } from './wasmMemory.ts';

export const SGD_MOMENTUM = 'PruneFuseSgdMomentum';

export interface SgdMomentumAttrs {
  lr: number;
  momentum: number;
  weightDecay: number;
  nesterov: boolean;
}

export interface SgdMomentumInputs {
  w: TensorInfo;
  v: TensorInfo;
  grad: TensorInfo;
}

/** The update over plain arrays: w and v are read, wOut and vOut written (they may not alias w or v). */
function sgdMomentumUpdate(
  w: Float32Array, v: Float32Array, grad: Float32Array, wOut: Float32Array, vOut: Float32Array, attrs: SgdMomentumAttrs,
): void {
  const f = Math.fround;
  const lr = f(attrs.lr);
  const momentum = f(attrs.momentum);
  const wd = f(attrs.weightDecay);
  for (let i = 0; i < w.length; i++) {
    const wi = w[i]!;
    const g = wd !== 0 ? f(grad[i]! + f(wi * wd)) : grad[i]!;
    const vNew = f(f(v[i]! * momentum) + g);
    const update = attrs.nesterov ? f(g + f(vNew * momentum)) : vNew;
    vOut[i] = vNew;
    wOut[i] = f(wi - f(update * lr));
  }
}

export function sgdMomentumConfig(backendName: string): KernelConfig {
  const kernelFunc = ({ inputs, backend, attrs }: { inputs: SgdMomentumInputs; backend: KernelBackend; attrs: SgdMomentumAttrs }): TensorInfo[] => {
    const { w, v, grad } = inputs;
    for (const t of [w, v, grad]) {
      if (t.dtype !== 'float32' || t.shape.join() !== w.shape.join()) throw new Error(`${SGD_MOMENTUM}: w, v and grad must be float32 of one shape`);
    }
    const wOut = allocate(backend, [...w.shape]);
    const vOut = allocate(backend, [...w.shape]);
    // Views after the allocations (an allocation may grow the heap and detach older views).
    sgdMomentumUpdate(heapF32(backend, w), heapF32(backend, v), heapF32(backend, grad), heapF32(backend, wOut), heapF32(backend, vOut), attrs);
    return [wOut, vOut];
  };
  return { kernelName: SGD_MOMENTUM, backendName, kernelFunc: kernelFunc as unknown as KernelFunc };
}

/** True when `backend` (registered as `backendName`) runs this kernel: it is registered there and can reach the heap. */
export function hasSgdMomentumKernel(backendName: string, backend: KernelBackend): boolean {
  return getKernel(SGD_MOMENTUM, backendName) !== undefined && supportsViews(backend);
}
