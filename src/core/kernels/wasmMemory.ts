/**
 * Direct access to wasm tensor memory, for the layout changes XNNPACK has no kernel for:
 * - `heapF32`: a tensor's data as a Float32Array over the wasm heap, so a JS loop can fill a new tensor in
 *   one pass (tfjs-wasm's Transpose, PadV2 and StridedSlice are scalar loops, and each is a full pass);
 * - views: a new tensor id registered with the wasm module that points inside another tensor's buffer, so
 *   a kernel can read a window of it (a matrix that starts a few elements in) without a Slice copy. Used
 *   by the filter gradient, whose shifted GEMMs each read the same padded input from a different offset.
 *
 * - `heapMemory`: the module's WebAssembly.Memory itself, which our own wasm kernels (filterGradDirect.ts)
 *   import to work on tensors in place (`heapOffset` gives a tensor's byte address).
 *
 * This rests on tfjs-backend-wasm 4.22's internals (its `dataIdMap`, `dataIdNextNumber`, `makeOutput`, the
 * module's heap and `tfjs.registerTensor` / `tfjs.disposeData`), checked by `supportsViews`. A view never
 * owns memory: it is unregistered, never freed, and must die before its base (KernelScope frees both at the
 * end of a kernel).
 */
import type { KernelBackend, TensorInfo } from '@tensorflow/tfjs-core';

interface WasmData {
  id: number;
  memoryOffset: number;
  shape: number[];
  dtype: string;
  refCount: number;
}

interface WasmInternals {
  dataIdNextNumber: number;
  dataIdMap: { get(dataId: object): WasmData | undefined; set(dataId: object, d: WasmData): void; delete(dataId: object): void };
  wasm: { HEAPU8: Uint8Array; wasmMemory?: unknown; asm?: { memory?: unknown }; tfjs: { registerTensor(id: number, size: number, offset: number): void; disposeData(id: number): void } };
  makeOutput(shape: number[], dtype: 'float32'): TensorInfo;
}

const views = new WeakSet<object>();

export function supportsViews(backend: KernelBackend): boolean {
  const b = backend as unknown as Partial<WasmInternals>;
  return typeof b.dataIdNextNumber === 'number' && typeof b.dataIdMap?.get === 'function'
    && typeof b.wasm?.tfjs?.registerTensor === 'function' && typeof b.wasm.tfjs.disposeData === 'function'
    && typeof b.makeOutput === 'function' && b.wasm.HEAPU8 instanceof Uint8Array;
}

/** A WebAssembly.Memory, as far as core needs it (core compiles without the DOM's lib, which declares it). */
export interface HeapMemory {
  readonly buffer: ArrayBufferLike;
}

/**
 * The wasm module's memory object, where it can be found (the threaded build keeps it as `wasmMemory`,
 * the single-threaded one exports it as `asm.memory`) and is the heap tensors live in; else undefined.
 */
export function heapMemory(backend: KernelBackend): HeapMemory | undefined {
  if (!supportsViews(backend)) return undefined;
  const wasm = (backend as unknown as WasmInternals).wasm;
  const heap = wasm.HEAPU8.buffer;
  return [wasm.wasmMemory, wasm.asm?.memory].find((m): m is HeapMemory =>
    typeof m === 'object' && m !== null && (m as Partial<HeapMemory>).buffer === heap);
}

/** The byte address of `info`'s data in the heap. */
export function heapOffset(backend: KernelBackend, info: TensorInfo): number {
  const data = (backend as unknown as WasmInternals).dataIdMap.get(info.dataId);
  if (!data) throw new Error('heapOffset: not a wasm tensor');
  return data.memoryOffset;
}

/** A new float32 tensor on the wasm heap, contents undefined. */
export function allocate(backend: KernelBackend, shape: number[]): TensorInfo {
  return (backend as unknown as WasmInternals).makeOutput(shape, 'float32');
}

/**
 * `info`'s data as a Float32Array over the heap. Valid until the heap next grows (any allocation may do
 * that): take it after allocating, use it at once.
 */
export function heapF32(backend: KernelBackend, info: TensorInfo): Float32Array {
  const b = backend as unknown as WasmInternals;
  const data = b.dataIdMap.get(info.dataId);
  if (!data || info.dtype !== 'float32') throw new Error('heapF32: not a float32 wasm tensor');
  const size = info.shape.reduce((p, d) => p * d, 1);
  return new Float32Array(b.wasm.HEAPU8.buffer, data.memoryOffset, size);
}

/** A float32 tensor of `shape` whose data starts `offset` elements into `base`'s (within its allocation). */
export function makeView(backend: KernelBackend, base: TensorInfo, offset: number, shape: number[]): TensorInfo {
  const b = backend as unknown as WasmInternals;
  const data = b.dataIdMap.get(base.dataId);
  if (!data || base.dtype !== 'float32') throw new Error('makeView: base is not a float32 wasm tensor');
  const size = shape.reduce((p, d) => p * d, 1);
  const id = b.dataIdNextNumber++;
  const dataId = { id };
  const memoryOffset = data.memoryOffset + 4 * offset;
  b.dataIdMap.set(dataId, { id, memoryOffset, shape, dtype: 'float32', refCount: 1 });
  b.wasm.tfjs.registerTensor(id, size, memoryOffset);
  views.add(dataId);
  return { dataId, shape, dtype: 'float32' };
}

export function isView(info: TensorInfo): boolean {
  return views.has(info.dataId);
}

/** Drops one reference to a view; the last one unregisters it (its memory belongs to the base). */
export function releaseView(backend: KernelBackend, view: TensorInfo): void {
  const b = backend as unknown as WasmInternals;
  const data = b.dataIdMap.get(view.dataId);
  if (!data) return;
  if (--data.refCount > 0) return;
  b.wasm.tfjs.disposeData(data.id);
  b.dataIdMap.delete(view.dataId);
}
