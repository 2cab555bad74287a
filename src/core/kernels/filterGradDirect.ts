/**
 * The filter gradient summed straight from NHWC x and dy by a small SIMD WebAssembly module of our own
 * (source: filterGradDirectWat.ts, in the direct kernels' module, directKernels.ts), which runs on
 * tfjs-wasm's own memory: no transposed or gridded copies, no GEMM packing: 1.5-2.4x faster than the GEMM
 * form on one thread. Output channels not in fours take a copy of dy with rows padded to fours
 * (vectorRows.ts), and dW is cut back from the padded result. tfjs's thread pool
 * is out of reach, so in the threaded build helper threads of our own (kernelThreads.ts) take chunks of a
 * call's input channels; without them (single-threaded builds) it runs on the calling thread. Same bits
 * as the GEMM form (see filterGradDirectWat.ts) on any number of threads, so no choice changes a result.
 *
 * Needs: the module's memory (wasmMemory.ts) and one stride for both dimensions; `directFilterGradFits`
 * says whether a call qualifies.
 */
import type { backend_util, KernelBackend, TensorInfo } from '@tensorflow/tfjs-core';
import { directKernelsFor, exportIndex } from './directKernels.ts';
import type { KernelScope } from './kernelScope.ts';
import type { KernelThreads } from './kernelThreads.ts';
import { padRows, unpadRows, vectorWidth } from './vectorRows.ts';
import { heapF32, heapMemory, heapOffset, type HeapMemory } from './wasmMemory.ts';

/** Below this many multiply-adds, or with 4 input channels or fewer (one chunk), a call stays on one thread. */
const MIN_SPLIT_MACS = 1 << 22;
/** Bytes of a cache line: each chunk's output buffer starts on one. */
const LINE = 64;

/** The shapes the kernel handles: one stride, no dilation, a non-empty output. */
function shapeFits(info: backend_util.Conv2DInfo): boolean {
  return info.strideHeight === info.strideWidth && info.dilationHeight === 1
    && info.dilationWidth === 1 && info.batchSize > 0 && info.outHeight > 0 && info.outWidth > 0;
}

export function directFilterGradFits(backend: KernelBackend, info: backend_util.Conv2DInfo): boolean {
  return shapeFits(info) && heapMemory(backend) !== undefined;
}

/**
 * dW into `out` by this thread and the helpers: each chunk (4k whole input channels of every tap) sums into
 * its own line-aligned copy of dW, whose rows are then gathered (kernelThreads.ts says why not one buffer).
 */
function sumShared(s: KernelScope, memory: HeapMemory, threads: KernelThreads, args: number[], out: TensorInfo, taps: number): void {
  const [ci, co] = [args[6]!, args[9]!];
  const size = taps * ci * co;
  const chunk = 4 * Math.ceil(ci / 4 / (threads.chunksPerThread * (threads.helpers + 1)));
  const chunks = Math.ceil(ci / chunk);
  const bufferBytes = Math.ceil((size * 4) / LINE) * LINE;
  const scratch = s.alloc([(chunks * bufferBytes + LINE) / 4]);
  const first = Math.ceil(heapOffset(s.backend, scratch) / LINE) * LINE;
  new Float32Array(memory.buffer, first, (chunks * bufferBytes) / 4).fill(0);
  threads.run(exportIndex('filterGrad'), [...args.slice(0, 2), first, ...args.slice(3)], ci, chunk, bufferBytes);
  const result = heapF32(s.backend, out);
  for (let k = 0; k < chunks; k++) {
    const own = new Float32Array(memory.buffer, first + k * bufferBytes, size);
    const [from, to] = [k * chunk * co, Math.min(ci, (k + 1) * chunk) * co];
    for (let t = 0; t < taps; t++) result.set(own.subarray(t * ci * co + from, t * ci * co + to), t * ci * co + from);
  }
}

export function filterGradDirect(s: KernelScope, x: TensorInfo, dy: TensorInfo, info: backend_util.Conv2DInfo): TensorInfo {
  const { batchSize: n, inHeight: h, inWidth: w, inChannels: ci, outHeight: ho, outWidth: wo, outChannels: co } = info;
  const { filterHeight: kh, filterWidth: kw, strideHeight: stride } = info;
  const memory = heapMemory(s.backend);
  if (!memory || !shapeFits(info)) {
    throw new Error(`filterGradDirect: ${memory ? `no direct form for strides ${stride}, ${info.strideWidth}` : 'the wasm heap is not reachable'}`);
  }
  const kernel = directKernelsFor(memory);
  // Output channels not in fours: dy's rows padded to fours, dW summed with padded rows, then cut back.
  const dyRows = padRows(s, dy);
  const width = vectorWidth(co);
  const out = s.alloc([kh, kw, ci, width]);
  const args = [heapOffset(s.backend, x), heapOffset(s.backend, dyRows), 0, n, h, w, ci, ho, wo, width, kh, kw, stride, info.padInfo.top, info.padInfo.left];
  const threads = kernel.threads;
  if (threads?.ready && ci > 4 && n * ho * wo * ci * width * kh * kw >= MIN_SPLIT_MACS) {
    sumShared(s, memory, threads, args, out, kh * kw);
  } else {
    heapF32(s.backend, out).fill(0);
    args[2] = heapOffset(s.backend, out);
    kernel.exports.filterGrad(...args, 0, ci);
  }
  return unpadRows(s, out, co);
}
