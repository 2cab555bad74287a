/**
 * What the benchmarks time and at which size, the same in Node (src/cli/bench.ts) and in the lab's worker
 * (workers/bench.ts): a named network at a pruning ratio (seeded weights, L2-pruned), and, for a backend too
 * slow to time at the full size (the cpu backend; WebGPU on a software adapter), a smaller measurement
 * scaled linearly to the full one, with a note that says so.
 */
import { resnetSpec } from '../models/resnet.ts';
import type { ResNetSpec } from '../models/spec.ts';
import { initWeights, type Weights } from '../models/weights.ts';
import { prune } from '../prune/prune.ts';
import type { BenchTimes } from './benchStep.ts';

export interface BenchJob {
  model: string;
  pruningRatio: number;
  spec: ResNetSpec;
  weights: Weights;
}

/** `model` (a resnetSpec id) with seed-0 weights, pruned by L2 norm at `pruningRatio` (0: dense). */
export function benchJob(model: string, pruningRatio: number): BenchJob {
  const dense = resnetSpec(model);
  const weights = initWeights(dense, 0);
  if (pruningRatio === 0) return { model, pruningRatio, spec: dense, weights };
  const pruned = prune(dense, weights, { ratio: pruningRatio });
  return { model, pruningRatio, spec: pruned.spec, weights: pruned.weights };
}

/** Training batch and inference images of a measurement. */
export interface BenchSize {
  batch: number;
  images: number;
}

/** Times measured at `measured` scaled linearly to `target` (profile and batch preparation stay as measured). */
export function scaleTimes(t: BenchTimes, measured: BenchSize, target: BenchSize): BenchTimes {
  const train = target.batch / measured.batch;
  const infer = target.images / measured.images;
  const out: BenchTimes = { ...t, trainStepMs: t.trainStepMs * train, inferMs: t.inferMs * infer };
  if (t.trainStepCpuMs !== undefined) out.trainStepCpuMs = t.trainStepCpuMs * train;
  if (t.inferCpuMs !== undefined) out.inferCpuMs = t.inferCpuMs * infer;
  return out;
}

/** The note of a scaled measurement: `what` was measured at `measured` and scaled to `target`. */
export function scaledNote(what: string, measured: BenchSize, target: BenchSize, runs: number, warmup: number): string {
  return `${what} measured at batch ${measured.batch} (training, ${runs} run${runs === 1 ? '' : 's'} after ${warmup} warm-up${warmup === 1 ? '' : 's'}) and ${measured.images} images (inference), scaled linearly to ${target.batch} and ${target.images}`;
}
