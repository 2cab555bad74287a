/**
 * Helper threads for the direct kernels (directKernels.ts: the filter gradient and the forward convolution),
 * which tfjs's own thread pool cannot run: in tfjs-wasm's threaded build, workers of our own instantiate the
 * kernels' module on the same shared heap and take chunks of a call (the filter gradient's input channels,
 * the convolution's output rows), as the calling thread does, until none are left. Each output element is
 * summed by one thread in the same order, so the bits do not depend on who took what.
 *
 * The host starts the workers (useKernelThreads), so this module needs neither DOM nor Node; the helper's
 * source runs in a Node worker thread (src/cli/backend.ts) or a browser worker (workers/backend.ts) alike.
 * Without a host, or until the helpers have started, the kernel runs on the calling thread alone.
 *
 * Chunks are handed out by tickets: one 64-bit word holds the call's chunk count and the next chunk's
 * index, so one atomic add both claims a chunk and says whether any was left; a helper that comes late
 * claims nothing, or a chunk of the call then current, never one of a finished call. The calling thread
 * publishes a call (arguments, then the word), wakes the helpers, works through chunks itself, and waits
 * until every chunk is finished. A chunk may write to its own output buffer, `outStride` bytes after the
 * previous one's (filterGradDirect.ts gathers their rows): two cores writing the interleaved rows of one
 * buffer, even on separate cache lines, made a split filter-gradient call slower than one thread alone.
 *
 * The page's claim (usePageClaim): while a flag in shared memory is set (the page is drawing), a call leaves
 * the helpers asleep and runs on the calling thread alone, so on a machine whose cores the run fills, the
 * page's main thread finds one free instead of waiting its turn among three busy threads.
 */

/** What the host provides: a way to start a worker from JavaScript source, sent one message. */
export interface KernelThreadHost {
  /** Threads in all, the calling one included (tfjs-wasm's thread count). */
  threads: number;
  /**
   * Chunks a filter-gradient call is cut into per thread: more let the others take over from a helper that
   * comes late (the host's other threads busy), fewer cost less (each chunk reads the call's whole input
   * gradient and sums into its own dW). The convolution sets its own (convDirect.ts): its chunks cost nothing.
   */
  chunksPerThread: number;
  spawn(source: string): { postMessage(message: unknown): void };
}

let currentHost: KernelThreadHost | undefined;

/** Sets (or, with undefined, clears) the host; threads start with the next kernel instance. */
export function useKernelThreads(host: KernelThreadHost | undefined): void {
  currentHost = host && host.threads > 1 ? host : undefined;
}

export function kernelThreadHost(): KernelThreadHost | undefined {
  return currentHost;
}

let pageClaim: Int32Array | undefined;

/**
 * Sets (or clears) the page's claim on a core: while `flag[0]` is not 0, calls run on the calling thread
 * alone. The bits do not change (every element is summed by one thread in the same order either way).
 */
export function usePageClaim(flag: Int32Array | undefined): void {
  pageClaim = flag;
}

function pageClaimed(): boolean {
  return pageClaim !== undefined && Atomics.load(pageClaim, 0) !== 0;
}

/**
 * The control block: the ticket word (BigInt64 slot 0: chunk count << 32 | next index), then Int32 slots.
 * LAYOUT goes to takeChunks as an argument, since the helpers' copy of it cannot see this module.
 */
const LAYOUT = { finished: 3, chunk: 5, args: 6, argCount: 15, outStride: 21, kernel: 22, total: 23 } as const;
const WAKE = 2;
const READY = 4;
const CONTROL_INTS = LAYOUT.total + 1;
/** How long the calling thread waits for a helper's chunk before it gives up on the call (a helper that died). */
const HELPER_TIMEOUT_MS = 30_000;

type ChunkKernel = (...args: number[]) => void;

/**
 * Works through the current call's chunks: the kernel's arguments plus the chunk's range [from, to) of
 * 0 .. total. It runs on the calling thread and, stringified into their source, in the helpers: it may use
 * nothing but its arguments and globals.
 */
function takeChunks(words: BigInt64Array, ints: Int32Array, kernels: ChunkKernel[], layout: typeof LAYOUT): void {
  for (;;) {
    const ticket = Atomics.add(words, 0, 1n);
    const index = Number(ticket & 0xffffffffn);
    if (index >= Number(ticket >> 32n)) return;
    const args = Array.from(ints.subarray(layout.args, layout.args + layout.argCount));
    const chunk = ints[layout.chunk]!;
    args[2] = args[2]! + index * ints[layout.outStride]!;
    kernels[ints[layout.kernel]!]!(...args, index * chunk, Math.min(ints[layout.total]!, (index + 1) * chunk));
    Atomics.add(ints, layout.finished, 1);
    Atomics.notify(ints, layout.finished);
  }
}

/** A helper's whole program: instantiate the kernels, say so, then sleep until woken and take chunks. */
const HELPER_SOURCE = `
const takeChunks = ${takeChunks.toString()};
const layout = ${JSON.stringify(LAYOUT)};
const start = ({ module, memory, control, exportNames }) => {
  const words = new BigInt64Array(control);
  const ints = new Int32Array(control);
  const exports = new WebAssembly.Instance(module, { env: { memory } }).exports;
  const kernels = exportNames.map((name) => exports[name]);
  Atomics.add(ints, ${READY}, 1);
  for (;;) {
    const wake = Atomics.load(ints, ${WAKE});
    takeChunks(words, ints, kernels, layout);
    Atomics.wait(ints, ${WAKE}, wake);
  }
};
if (typeof require === 'function') require('node:worker_threads').parentPort.once('message', start);
else self.onmessage = (event) => start(event.data);
`;

export class KernelThreads {
  private readonly words: BigInt64Array;
  private readonly ints: Int32Array;
  /** Calls so far (for tests). */
  calls = 0;
  /** Of those, the calls that ran on the calling thread alone because the page claimed a core. */
  yielded = 0;

  private constructor(
    private readonly kernels: ChunkKernel[],
    readonly helpers: number,
    readonly chunksPerThread: number,
  ) {
    const control = new SharedArrayBuffer(CONTROL_INTS * 4);
    this.words = new BigInt64Array(control);
    this.ints = new Int32Array(control);
  }

  /**
   * Starts threads - 1 helpers on `memory` (shared) for the exports `exportNames` of `module`; `kernels` are
   * the same exports of this thread's instance. run() names a kernel by its index in these lists.
   */
  static start(host: KernelThreadHost, memory: object, module: object, exportNames: readonly string[], kernels: ChunkKernel[]): KernelThreads {
    const pool = new KernelThreads(kernels, host.threads - 1, Math.max(1, Math.floor(host.chunksPerThread)));
    for (let i = 0; i < pool.helpers; i++) host.spawn(HELPER_SOURCE).postMessage({ module, memory, control: pool.ints.buffer, exportNames });
    return pool;
  }

  /** True once every helper has instantiated the kernel (until then calls run on one thread). */
  get ready(): boolean {
    return Atomics.load(this.ints, READY) === this.helpers;
  }

  /**
   * Runs kernel number `kernel` with `args` (its first 15 arguments) over 0 .. total in chunks of `chunk`
   * (its last two arguments), on this thread and the helpers; chunk k writes its output `k * outStride`
   * bytes after args[2]. Returns when every chunk is done.
   */
  run(kernel: number, args: readonly number[], total: number, chunk: number, outStride: number): void {
    const count = Math.ceil(total / chunk);
    if (args.length !== LAYOUT.argCount || !(count >= 1)) throw new Error(`KernelThreads: ${args.length} arguments, ${count} chunks`);
    this.calls++;
    this.ints.set(args, LAYOUT.args);
    this.ints[LAYOUT.chunk] = chunk;
    this.ints[LAYOUT.outStride] = outStride;
    this.ints[LAYOUT.kernel] = kernel;
    this.ints[LAYOUT.total] = total;
    Atomics.store(this.ints, LAYOUT.finished, 0);
    Atomics.store(this.words, 0, BigInt(count) << 32n);
    if (pageClaimed()) this.yielded++;
    else {
      Atomics.add(this.ints, WAKE, 1);
      Atomics.notify(this.ints, WAKE);
    }
    takeChunks(this.words, this.ints, this.kernels, LAYOUT);
    const deadline = Date.now() + HELPER_TIMEOUT_MS;
    for (let done = Atomics.load(this.ints, LAYOUT.finished); done < count; done = Atomics.load(this.ints, LAYOUT.finished)) {
      if (Date.now() > deadline) throw new Error(`a kernel helper thread did not finish its share within ${HELPER_TIMEOUT_MS / 1000} s`);
      Atomics.wait(this.ints, LAYOUT.finished, done, 100);
    }
  }
}
