/**
 * The WebAssembly text of the direct kernels' module: the filter gradient (filterGradDirectWat.ts) and the
 * forward convolution (convDirectWat.ts), one module so that one instance per heap and one set of helper
 * threads serve both. `npm run build:kernels` compiles it (scripts/build-kernels.ts) into
 * directKernelsBinary.ts; a unit test checks that the committed binary is what this source compiles to.
 * All pointers are byte offsets into the imported memory (tfjs-wasm's own heap).
 */
import { convDirectFunctions } from './convDirectWat.ts';
import { filterGradDirectFunctions } from './filterGradDirectWat.ts';

/** The module's exports, in the order the helper threads number them (kernelThreads.ts). */
export const DIRECT_KERNEL_EXPORTS = ['filterGrad', 'conv'] as const;
export type DirectKernelExport = (typeof DIRECT_KERNEL_EXPORTS)[number];

/**
 * The module's text. `shared`: for tfjs-wasm's threaded build, whose memory is a shared WebAssembly.Memory
 * (an import must match it, so there is one binary per build).
 */
export function directKernelsWat(shared: boolean): string {
  const memory = shared ? '(memory 1 65536 shared)' : '(memory 1)';
  return ['(module', `(import "env" "memory" ${memory})`, ...filterGradDirectFunctions(), ...convDirectFunctions(), ')'].join('\n');
}
