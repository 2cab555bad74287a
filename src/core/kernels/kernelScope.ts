/**
 * Running a backend's own kernels from inside another kernel. Kernel functions take and return TensorInfo
 * (a data id, shape and dtype), not tensors, and nothing disposes their results for you: a KernelScope
 * remembers every intermediate it produced and frees them with `backend.disposeData` when the composed
 * kernel is done, except the one it hands back as its output.
 *
 * Works for any backend whose kernels run synchronously (wasm, cpu); the kernels composed here are only
 * registered for wasm.
 */
import { getKernel, type KernelBackend, type NamedAttrMap, type TensorInfo } from '@tensorflow/tfjs-core';
import { allocate, isView, makeView, releaseView } from './wasmMemory.ts';

export class KernelScope {
  private readonly temps: TensorInfo[] = [];

  constructor(
    readonly backend: KernelBackend,
    readonly backendName: string,
  ) {}

  /** Runs kernel `name` of this backend; the result is an intermediate until `output` claims it. */
  run(name: string, inputs: Record<string, TensorInfo> | TensorInfo[], attrs: object = {}): TensorInfo {
    const kernel = getKernel(name, this.backendName);
    if (!kernel) throw new Error(`kernel '${name}' is not registered for backend '${this.backendName}'`);
    const out = kernel.kernelFunc({ inputs: inputs as Record<string, TensorInfo>, backend: this.backend, attrs: attrs as unknown as NamedAttrMap });
    const info = Array.isArray(out) ? out[0] : out;
    if (!info) throw new Error(`kernel '${name}' returned no output`);
    this.temps.push(info);
    return info;
  }

  /** Uploads float32 values as an intermediate. */
  upload(values: Float32Array, shape: number[]): TensorInfo {
    const dataId = this.backend.write(values, shape, 'float32');
    const info: TensorInfo = { dataId, shape, dtype: 'float32' };
    this.temps.push(info);
    return info;
  }

  /** A new float32 intermediate, contents undefined (wasm only; fill it through heapF32). */
  alloc(shape: number[]): TensorInfo {
    const info = allocate(this.backend, shape);
    this.temps.push(info);
    return info;
  }

  /** A zero-copy window of `base` from element `offset` (wasm only; see wasmMemory.ts). Never an output. */
  view(base: TensorInfo, offset: number, shape: number[]): TensorInfo {
    const info = makeView(this.backend, base, offset, shape);
    this.temps.push(info);
    return info;
  }

  reshape(x: TensorInfo, shape: number[]): TensorInfo {
    return this.run('Reshape', { x }, { shape });
  }

  transpose(x: TensorInfo, perm: number[]): TensorInfo {
    return this.run('Transpose', { x }, { perm });
  }

  /** Slice from `begin` with `size` (-1: to the end). Returns `x` itself when nothing is cut. */
  slice(x: TensorInfo, begin: number[], size: number[]): TensorInfo {
    const whole = begin.every((b, i) => b === 0 && (size[i] === -1 || size[i] === x.shape[i]));
    return whole ? x : this.run('Slice', { x }, { begin, size });
  }

  /** Frees every intermediate except `result`, which the caller returns as the kernel's output. */
  output(result: TensorInfo): TensorInfo {
    const i = this.temps.indexOf(result);
    if (i < 0) throw new Error('KernelScope.output: the result was not produced in this scope');
    if (isView(result)) throw new Error('KernelScope.output: a view cannot be a kernel output');
    this.temps.splice(i, 1);
    this.dispose();
    return result;
  }

  /** Frees every intermediate (also on error paths). */
  dispose(): void {
    // Views first (reshapes of a view share its data id, so they are views too), then what they point into.
    const temps = this.temps.splice(0);
    for (const t of temps) if (isView(t)) releaseView(this.backend, t);
    for (const t of temps) if (!isView(t)) this.backend.disposeData(t.dataId);
  }
}

/** Runs `body` in a fresh scope and returns its output; intermediates are freed even if it throws. */
export function composeKernel(backend: KernelBackend, backendName: string, body: (s: KernelScope) => TensorInfo): TensorInfo {
  const scope = new KernelScope(backend, backendName);
  try {
    return scope.output(body(scope));
  } finally {
    scope.dispose();
  }
}
