/**
 * The tfjs backend for Node (the CLI and the benchmark), chosen in this one place: wasm made trainable by
 * src/core/kernels, else cpu. `backend=webgpu` trains on a GPU through Dawn's Node binding (webgpuNode.ts);
 * the automatic choice stays wasm, since probing Dawn prints its driver warnings on every machine without a
 * GPU. No WebGL in Node. Call `selectBackend` once, before any tensor.
 *
 * Threads: tfjs-backend-wasm never gives Node its multi-threaded build (its feature flag is hard-wired to
 * false in Node, and its C++ caps the thread count at hardwareConcurrency / 2, which is 1 on two cores).
 * `threads > 1` loads that build anyway (see initThreadedWasm below): XNNPACK then splits each kernel over
 * `threads` threads. If that fails, wasm runs single-threaded and the reason says so.
 *
 * By default (autoThreads) one thread per core that is not already busy: XNNPACK's thread pool ends every
 * kernel at a barrier, so a thread that the OS deschedules for another job stalls the whole kernel; on
 * this 2-core machine with one other job running, 2 threads made a training step 0.7x as fast as 1
 * (idle: 1.3-1.4x faster). PRUNEFUSE_WASM_THREADS=N overrides.
 */
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import * as path from 'node:path';
import '@tensorflow/tfjs-backend-cpu';
import * as tfWasm from '@tensorflow/tfjs-backend-wasm';
import * as tf from '@tensorflow/tfjs-core';
import { Worker } from 'node:worker_threads';
import { useKernelThreads } from '../core/kernels/kernelThreads.ts';
import { registerWasmTrainingKernels } from '../core/kernels/register.ts';
import { startNodeWebGpu } from './webgpuNode.ts';

import type { BackendChoice, BackendRequest } from '../core/config/backend.ts';

export interface SelectOptions {
  /** wasm threads; default: PRUNEFUSE_WASM_THREADS, else autoThreads (1 = the single-threaded build). */
  threads?: number;
}

export function coreCount(): number {
  return typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
}

/** tfjs-wasm's threaded build starts a pool of 8 pthread workers, which bounds its thread count. */
export const MAX_WASM_THREADS = 8;

/**
 * Threads for `cores` cores when `load` of them are busy (the 1-minute load average, taken before this
 * process starts working): the idle ones, at least 1, at most MAX_WASM_THREADS.
 */
export function autoThreads(cores: number, load: number): number {
  return Math.max(1, Math.min(MAX_WASM_THREADS, cores - Math.round(Math.max(0, load))));
}

function defaultThreads(): number {
  const env = Number(process.env.PRUNEFUSE_WASM_THREADS);
  if (Number.isInteger(env) && env >= 1) return env;
  return autoThreads(coreCount(), os.loadavg()[0] ?? 0);
}

/** The cpu backend greets Node users once with advice to install tfjs-node (which cannot install here). */
export function silenceCpuGreeting(): void {
  const cpu = tf.findBackend('cpu') as unknown as { firstUse?: boolean } | undefined;
  if (cpu) cpu.firstUse = false;
}

/**
 * Loads tfjs-backend-wasm's threaded-SIMD build in Node. That build makes its pthread workers from Blob
 * URLs (browser-only: Node's worker_threads take file paths) and counts cores as os.cpus().length / 2.
 * While the backend initialises, this captures the two scripts it puts in Blobs, writes them to a temporary
 * folder and hands out their paths, and reports 2 * threads cores; everything is restored (and the folder
 * removed) afterwards.
 */
async function initThreadedWasm(threads: number): Promise<boolean> {
  const require = createRequire(import.meta.url);
  const bundle = fs.readFileSync(require.resolve('@tensorflow/tfjs-backend-wasm'), 'utf8');
  // The worker evaluates the module factory outside the bundle: give it the bundle's module aliases.
  const aliases = [...bundle.matchAll(/^var (require\$\$\d+) = require\('([\w/]+)'\);$/gm)].map((m) => `${m[1]} = require('${m[2]}')`);
  const prelude = `var ${[...aliases, 'commonjsGlobal = globalThis'].join(', ')};\n`;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'prunefuse-wasm-'));
  const texts = new WeakMap<Blob, string>();
  let mainScript = '';
  const RealBlob = globalThis.Blob;
  const realCreate = URL.createObjectURL;
  const realCpus = os.cpus;
  class CapturingBlob extends RealBlob {
    constructor(parts?: BlobPart[], options?: BlobPropertyBag) {
      super(parts, options);
      if (!parts?.every((p) => typeof p === 'string')) return;
      const text = parts.join('');
      texts.set(this, text);
      if (text.startsWith('var WasmBackendModuleThreadedSimd')) {
        mainScript = path.join(dir, 'module.cjs');
        fs.writeFileSync(mainScript, prelude + text);
      }
    }
  }
  let workers = 0;
  globalThis.Blob = CapturingBlob;
  URL.createObjectURL = (blob: Blob): string => {
    const text = texts.get(blob);
    if (text === undefined || mainScript === '') return realCreate(blob);
    const file = path.join(dir, `worker${workers++}.cjs`);
    const redirect = `URL.createObjectURL = () => ${JSON.stringify(mainScript)}; URL.revokeObjectURL = () => {};\n`;
    fs.writeFileSync(file, redirect + text);
    return file;
  };
  os.cpus = () => {
    const cpus = realCpus();
    return Array.from({ length: 2 * threads }, (_, i) => cpus[i % cpus.length]!);
  };
  tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', true);
  tfWasm.setThreadsCount(threads);
  try {
    const ok = await tf.setBackend('wasm');
    // The pthread workers must not keep the process alive once the program is done.
    const pthreads = (tf.backend() as unknown as { wasm?: { PThread?: Record<string, Array<{ unref?: () => void }>> } }).wasm?.PThread;
    for (const w of [...(pthreads?.unusedWorkers ?? []), ...(pthreads?.runningWorkers ?? [])]) w.unref?.();
    return ok;
  } finally {
    globalThis.Blob = RealBlob;
    URL.createObjectURL = realCreate;
    os.cpus = realCpus;
    // Every pool worker has read the scripts by the time the backend is ready (or has failed).
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const THREADED_INIT_TIMEOUT_MS = 30_000;

async function initWasm(threads: number): Promise<{ ok: boolean; note: string }> {
  if (threads > 1) {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), THREADED_INIT_TIMEOUT_MS)));
    const ok = await Promise.race([initThreadedWasm(threads).catch(() => false), timeout]);
    clearTimeout(timer);
    if (ok) return { ok, note: '' };
  }
  tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
  tfWasm.setThreadsCount(1);
  const ok = await tf.setBackend('wasm');
  return { ok, note: threads > 1 ? `; ${threads} threads failed, single-threaded` : '' };
}

/** A helper thread for our own kernels (kernelThreads.ts); unref'd, since it sleeps between calls and must not keep Node running. */
function spawnHelper(source: string): Worker {
  const worker = new Worker(source, { eval: true });
  worker.unref();
  return worker;
}

export async function selectBackend(forced?: BackendRequest, options: SelectOptions = {}): Promise<BackendChoice> {
  registerWasmTrainingKernels();
  const notes: string[] = [];
  if (forced === 'webgpu') {
    const gpu = await startNodeWebGpu(true);
    if (gpu.ok) return { name: 'webgpu', reason: `forced: ${gpu.why}` };
    notes.push(gpu.why);
  }
  if (forced === 'webgl') notes.push('webgl is not available in Node');
  if (forced !== 'cpu') {
    const threads = Math.max(1, Math.floor(options.threads ?? defaultThreads()));
    const { ok, note } = await initWasm(threads);
    if (ok) {
      const actual = tfWasm.getThreadsCount();
      // One chunk per thread: a 2-thread ResNet-20 step 1.23x faster than without helpers (two: 1.05x).
      useKernelThreads({ threads: actual, chunksPerThread: 1, spawn: spawnHelper });
      const simd = (await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT')) ? 'SIMD' : 'no SIMD';
      const why = options.threads === undefined && process.env.PRUNEFUSE_WASM_THREADS === undefined ? ` (${coreCount()} cores, load ${os.loadavg()[0]?.toFixed(1)})` : '';
      notes.push(`${forced === 'wasm' ? 'forced' : 'fastest trainable backend in Node'}: XNNPACK with training kernels, ${simd}, ${actual} thread${actual === 1 ? '' : 's'}${why}${note}`);
      return { name: 'wasm', reason: notes.join('; '), threads: actual };
    }
    notes.push(`wasm failed to initialise${note}`);
  } else {
    notes.push('forced');
  }
  if (!(await tf.setBackend('cpu'))) throw new Error(`no tfjs backend could be initialised (${notes.join('; ')})`);
  silenceCpuGreeting();
  return { name: 'cpu', reason: notes.join('; ') };
}
