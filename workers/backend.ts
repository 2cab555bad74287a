/**
 * The tfjs backend for the lab's worker, chosen in this one place, with a reason the UI can show:
 *   1. WebGPU, when navigator.gpu gives an adapter that is a real GPU. A software adapter (SwiftShader:
 *      `info.isFallbackAdapter`, or architecture 'swiftshader') is about 100x slower than wasm on a CPU,
 *      so it counts as no GPU unless WebGPU is forced (as the WebGPU end-to-end test does).
 *   2. wasm, made trainable by src/core/kernels; its .wasm files are the ones Vite serves; threads when
 *      the page is cross-origin isolated (SharedArrayBuffer).
 *   3. cpu.
 * WebGL only when forced. A forced backend that cannot start falls through to the next one, and the
 * reason says so.
 */
import '@tensorflow/tfjs-backend-cpu';
import * as tfWasm from '@tensorflow/tfjs-backend-wasm';
import wasmPlain from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimd from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreaded from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import * as tf from '@tensorflow/tfjs-core';
import type { BackendChoice, BackendRequest } from '../src/core/config/backend.ts';
import { useKernelThreads } from '../src/core/kernels/kernelThreads.ts';
import { registerWasmTrainingKernels } from '../src/core/kernels/register.ts';
import { probeWebGpu, softwareNote, type GpuLike, type WebGpuProbe } from '../src/core/config/webgpuAdapter.ts';


/** What navigator.gpu offers (the same classification as the Node runner's). */
export function probeNavigatorGpu(): Promise<WebGpuProbe> {
  return probeWebGpu((navigator as Navigator & { gpu?: GpuLike }).gpu);
}

async function tryWebGpu(): Promise<boolean> {
  await import('@tensorflow/tfjs-backend-webgpu');
  return tf.setBackend('webgpu');
}

async function tryWebGl(): Promise<boolean> {
  await import('@tensorflow/tfjs-backend-webgl');
  return tf.setBackend('webgl');
}

/**
 * Threads for wasm: tfjs's C++ takes hardwareConcurrency / 2 (it assumes two hardware threads per core),
 * which leaves one thread on small machines; there we report twice the cores while it starts.
 */
async function tryWasm(): Promise<{ ok: boolean; note: string; threads?: number }> {
  tfWasm.setWasmPaths({ 'tfjs-backend-wasm.wasm': wasmPlain, 'tfjs-backend-wasm-simd.wasm': wasmSimd, 'tfjs-backend-wasm-threaded-simd.wasm': wasmThreaded });
  registerWasmTrainingKernels();
  const isolated = self.crossOriginIsolated === true;
  const cores = navigator.hardwareConcurrency || 1;
  // Every core on a 2-core machine (the default run took 463 s on 2 threads, 647 s on 1, the page's tasks stayed
  // near 50 ms); on 3-4 cores one is left to the page, beyond that half (XNNPACK's barriers scale worse).
  const threads = Math.max(1, cores <= 2 ? cores : cores <= 4 ? cores - 1 : Math.floor(cores / 2));
  if (!isolated) tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
  let boost = isolated && threads > 1 && Math.floor(cores / 2) < threads;
  try {
    if (boost) Object.defineProperty(navigator, 'hardwareConcurrency', { value: 2 * threads, configurable: true });
  } catch {
    boost = false;
  }
  tfWasm.setThreadsCount(threads);
  let ok = false;
  try {
    ok = await tf.setBackend('wasm');
  } catch {
    ok = false;
  } finally {
    if (boost) delete (navigator as unknown as Record<string, unknown>).hardwareConcurrency;
  }
  if (!ok) return { ok, note: 'wasm failed to start' };
  const n = tfWasm.getThreadsCount();
  // The direct filter gradient's helper threads (kernelThreads.ts), workers from a Blob as tfjs makes its
  // own. The default link in headless Chromium on a 2-core VM: 248-264 s without them (four runs); with one
  // chunk per thread 265 s (a helper held up by the page's drawing or tfjs's spinning pool thread stalls the
  // call); with two, the calling thread takes over a late helper's chunk: 228-234 s in three runs of five,
  // 256 and 269 s in the others.
  useKernelThreads(isolated ? { threads: n, chunksPerThread: 2, spawn: spawnHelper } : undefined);
  const simd = (await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT')) ? 'SIMD' : 'no SIMD';
  const why = isolated ? '' : ' (page not cross-origin isolated)';
  return { ok, note: `wasm with training kernels, ${simd}, ${n} thread${n === 1 ? '' : 's'}${why}`, threads: n };
}

/**
 * The helpers' script as a Blob URL, made once per worker and kept: revoking it right after `new Worker`
 * races the worker's fetch in some engines, and one URL for every helper this worker starts bounds what it holds.
 */
const helperUrls = new Map<string, string>();

function spawnHelper(source: string): Worker {
  let url = helperUrls.get(source);
  if (url === undefined) {
    url = URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
    helperUrls.set(source, url);
  }
  return new Worker(url, { name: 'kernel-helper' });
}

export async function selectBackend(forced?: BackendRequest): Promise<BackendChoice> {
  const notes: string[] = [];
  const attempt = async (name: string, start: () => Promise<boolean>): Promise<boolean> => {
    try {
      if (await start()) return true;
    } catch {
      // reported below
    }
    notes.push(`${name} failed to start`);
    return false;
  };
  if (forced === 'cpu') {
    await tf.setBackend('cpu');
    return { name: 'cpu', reason: 'forced' };
  }
  if (forced === 'webgl') {
    if (await attempt('WebGL', tryWebGl)) return { name: 'webgl', reason: 'forced' };
  }
  if (forced === undefined || forced === 'webgpu') {
    const gpu = await probeNavigatorGpu();
    const usable = gpu.ok || (forced === 'webgpu' && gpu.software);
    if (!usable) notes.push(gpu.software ? softwareNote(gpu) : gpu.why);
    else if (await attempt('WebGPU', tryWebGpu)) {
      await tf.ready();
      return { name: 'webgpu', reason: forced ? `forced: ${gpu.why}` : gpu.why };
    }
  }
  const wasm = await tryWasm();
  if (wasm.ok) return { name: 'wasm', reason: [...notes, wasm.note].join('; '), ...(wasm.threads ? { threads: wasm.threads } : {}) };
  notes.push(wasm.note);
  await tf.setBackend('cpu');
  return { name: 'cpu', reason: [...notes, 'cpu backend (slow)'].join('; ') };
}
