/**
 * The direct kernels' module (directKernelsWat.ts: the filter gradient and the forward convolution),
 * instantiated once per tfjs-wasm heap, on that heap, with its helper threads in the threaded build when
 * the host lends them (kernelThreads.ts; without them a call runs on the calling thread).
 */
import type { KernelBackend } from '@tensorflow/tfjs-core';
import { DIRECT_KERNELS_WASM, DIRECT_KERNELS_WASM_SHARED } from './directKernelsBinary.ts';
import { DIRECT_KERNEL_EXPORTS, type DirectKernelExport } from './directKernelsWat.ts';
import { kernelThreadHost, KernelThreads } from './kernelThreads.ts';
import { heapMemory, type HeapMemory } from './wasmMemory.ts';

/** An export's arguments: its 15 shape and pointer arguments, then the range of the call it computes. */
export type DirectKernelFunc = (...args: number[]) => void;

export interface DirectKernels {
  exports: Record<DirectKernelExport, DirectKernelFunc>;
  /** Helper threads, in tfjs-wasm's threaded build when the host lends them (kernelThreads.ts). */
  threads: KernelThreads | undefined;
}

/** The WebAssembly API and atob, typed here because core compiles without the DOM's lib (Node and workers have both). */
interface WasmApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: Record<string, DirectKernelFunc> };
}

const host = globalThis as unknown as { WebAssembly: WasmApi; atob(base64: string): string };

const instances = new WeakMap<HeapMemory, DirectKernels>();

function decode(base64: string): Uint8Array {
  const text = host.atob(base64);
  return Uint8Array.from(text, (c) => c.charCodeAt(0));
}

/** The kernels on `memory` (the binary must match it: shared or not), instantiated on first use. */
export function directKernelsFor(memory: HeapMemory): DirectKernels {
  let k = instances.get(memory);
  if (!k) {
    const shared = typeof SharedArrayBuffer !== 'undefined' && memory.buffer instanceof SharedArrayBuffer;
    const module = new host.WebAssembly.Module(decode(shared ? DIRECT_KERNELS_WASM_SHARED : DIRECT_KERNELS_WASM));
    const instance = new host.WebAssembly.Instance(module, { env: { memory } }).exports;
    const exports = Object.fromEntries(DIRECT_KERNEL_EXPORTS.map((name) => [name, instance[name]!])) as Record<DirectKernelExport, DirectKernelFunc>;
    const threadHost = kernelThreadHost();
    const threads = shared && threadHost
      ? KernelThreads.start(threadHost, memory, module, DIRECT_KERNEL_EXPORTS, DIRECT_KERNEL_EXPORTS.map((name) => exports[name]))
      : undefined;
    k = { exports, threads };
    instances.set(memory, k);
  }
  return k;
}

/** The helper threads on this backend's heap, once a direct kernel has run there (for tests). */
export function directKernelThreads(backend: KernelBackend): KernelThreads | undefined {
  const memory = heapMemory(backend);
  return memory ? instances.get(memory)?.threads : undefined;
}

/** An export's index in the module's list, as KernelThreads.run takes it. */
export const exportIndex = (name: DirectKernelExport): number => DIRECT_KERNEL_EXPORTS.indexOf(name);
