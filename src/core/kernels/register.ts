/**
 * Makes tfjs's wasm backend trainable, and fast, for our models. Registers for 'wasm':
 * - Conv2D by our direct SIMD convolution (convDirect.ts; same bits as XNNPACK's, faster), falling back
 *   on XNNPACK's for shapes it does not fit;
 * - Conv2DBackpropFilter, which wasm lacks, and Conv2DBackpropInput, whose wasm version is a scalar loop,
 *   the filter gradient by our direct SIMD kernel (else XNNPACK GEMMs), the input gradient as forward
 *   convolutions (see convGeometry.ts);
 * - Identity without a copy (wasm's copies every tensor the gradients save, hundreds per step);
 * - PruneFuseSgdMomentum, one parameter's momentum-SGD update in one pass (src/core/train/sgd.ts uses it).
 * Call it after '@tensorflow/tfjs-backend-wasm' is imported (which registers wasm's own kernels; imported
 * later, they would replace these), before or after the backend starts; calling it again changes nothing.
 * Picks no backend.
 */
import { getKernel, registerKernel, unregisterKernel, type KernelConfig } from '@tensorflow/tfjs-core';
import { conv2dBackpropFilterConfig } from './conv2dBackpropFilter.ts';
import { conv2dBackpropInputConfig } from './conv2dBackpropInput.ts';
import { conv2dDirectConfig } from './convDirect.ts';
import { sharedIdentityConfig } from './identity.ts';
import { SGD_MOMENTUM, sgdMomentumConfig } from './sgdMomentum.ts';

export const WASM = 'wasm';

/** Marks our configs, so a second call (even from a second copy of this module) recognises them. */
const OURS = Symbol.for('prunefuse.trainingKernel');
type Marked = KernelConfig & { [OURS]?: true };

function mark(config: KernelConfig): Marked {
  return Object.assign(config, { [OURS]: true as const });
}

/** The wasm kernels ours replaced, by name (for tests that compare against them). */
const replaced = new Map<string, KernelConfig>();

function install(make: (previous: KernelConfig | undefined) => KernelConfig, kernelName: string): void {
  const previous = getKernel(kernelName, WASM) as Marked | undefined;
  if (previous?.[OURS]) return;
  if (previous) {
    replaced.set(kernelName, previous);
    unregisterKernel(kernelName, WASM);
  }
  const config = make(previous);
  // The kernel we replace may still serve as a fallback: keep its setup (it runs when the backend starts).
  if (previous?.setupFunc && !config.setupFunc) config.setupFunc = previous.setupFunc;
  registerKernel(mark(config));
}

/** The kernels this module registers for wasm, by name. */
export const WASM_TRAINING_KERNELS = ['Conv2D', 'Conv2DBackpropFilter', 'Conv2DBackpropInput', 'Identity', SGD_MOMENTUM] as const;

export function registerWasmTrainingKernels(): void {
  install((previous) => conv2dDirectConfig(WASM, previous), 'Conv2D');
  install(() => conv2dBackpropFilterConfig(WASM), 'Conv2DBackpropFilter');
  install((previous) => conv2dBackpropInputConfig(WASM, previous), 'Conv2DBackpropInput');
  install((previous) => sharedIdentityConfig(WASM, previous), 'Identity');
  install(() => sgdMomentumConfig(WASM), SGD_MOMENTUM);
}

/** True when every kernel of WASM_TRAINING_KERNELS is ours. */
export function hasWasmTrainingKernels(): boolean {
  return WASM_TRAINING_KERNELS.every((k) => (getKernel(k, WASM) as Marked | undefined)?.[OURS] === true);
}

/** tfjs-wasm's own kernel `kernelName`, which ours replaced (for tests), or undefined. */
export function replacedWasmKernel(kernelName: string): KernelConfig | undefined {
  return replaced.get(kernelName);
}
