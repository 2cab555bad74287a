/**
 * The benchmark's request and rows: what `npm run bench` prints (src/cli/bench.ts) and what the lab worker's
 * bench() returns when the benchmark runs in a browser (workers/bench.ts, called through window.__lab).
 * Plain data and types only: this module loads nothing.
 */
import type { BackendId } from '../core/config/backend.ts';
import type { BackendCheck } from '../core/train/backendCheck.ts';
import type { BatchPrepTimes, KernelTime } from '../core/train/benchStep.ts';
import type { BenchSize } from '../core/train/benchJob.ts';

export interface TorchTimes {
  trainStepMs: number;
  inferMs: number;
  trainStepCpuMs: number;
  inferCpuMs: number;
  threads: number;
  version: string;
}

export interface BenchRow {
  model: string;
  ratio: number;
  /** The backend that ran (in a browser: the one the lab's backend choice started). */
  backend: string;
  threads?: number;
  params: number;
  macsPerImage: number;
  batch: number;
  trainStepMs: number;
  images: number;
  inferMs: number;
  /** CPU time of this process per step and per inference (medians; Node only): with one thread, what the work
   *  costs on an idle core; other jobs on a shared machine change it far less than the wall time. */
  trainStepCpuMs?: number;
  inferCpuMs?: number;
  runs: number;
  note?: string;
  torch?: TorchTimes;
  /** wasm time / torch time (wall, and CPU time). */
  ratioToTorch?: { train: number; infer: number; trainCpu: number; inferCpu: number };
  /** Kernel time of one training step, by kernel (median over --runs profiled steps), largest first (with --profile). */
  profile?: KernelTime[];
  /** In a browser: the backend asked for, and why the lab's choice started `backend`. */
  requested?: BackendId;
  reason?: string;
  /** WebGPU on a software adapter (SwiftShader: a CPU, not a GPU), and the adapter's description. */
  software?: boolean;
  adapter?: string;
  /** Where the times were measured smaller and scaled to `batch` and `images` (see `note`). */
  measured?: BenchSize;
  /** Steps as the trainer runs them: the share spent preparing batches on the CPU (at the measured batch). */
  batchPrep?: BatchPrepTimes;
  /** Losses and logits against the cpu backend (non-cpu backends). */
  check?: BackendCheck;
  /** With `--threads 1,2`: this row's speed against the first thread count's, measured alternately (times: medians over the rounds). */
  threadSpeedup?: ThreadSpeedup;
}

export interface ThreadSpeedup {
  /** The thread count compared against. */
  against: number;
  /** Its time / this row's time, per training step and per inference. */
  train: number;
  infer: number;
  rounds: number;
}

/** A benchmark run in the lab's worker: every backend x model x ratio, in that order. */
export interface BenchRequest {
  /** Each selected as the lab selects it ('auto': the lab's own choice). */
  backends: BackendId[];
  models: string[];
  ratios: number[];
  runs: number;
  warmup: number;
  batch: number;
  images: number;
  /** The cpu backend: measured at this size (at most 3 runs, 1 warm-up) and scaled. */
  cpu: BenchSize;
  /** WebGPU on a software adapter: measured at this size and these runs and scaled; null: the full settings. */
  software: (BenchSize & { runs: number; warmup: number }) | null;
  profile: boolean;
  /** Measure the batch preparation's share (non-cpu backends). */
  batchPrep: boolean;
  /** Compare losses and logits with the cpu backend (non-cpu backends). */
  check: boolean;
}
