/**
 * One network's training and inference speed on the current backend: the measurement behind both
 * benchmarks, in Node (src/cli/bench.ts) and in the lab's worker (workers/bench.ts), so the two time the
 * same thing. Medians over `runs` after `warmup` untimed runs of
 *   - a training step (forward, loss, backward, momentum SGD, batch-norm statistics) on one fixed batch of
 *     `batch` images already on the backend, timed until its loss is read;
 *   - an inference pass (softmax of the logits) over `images` images;
 * as wall time, and as CPU time where the host has a clock for it (`cpuClock`: Node's process.cpuUsage).
 * Optionally the kernel times of a step (tf.profile), and the batch preparation: steps as the trainer runs
 * them, each batch made on the CPU first (prepareBatch: pixels, augmentation, tensors), losses read only at
 * the end, and the share of their wall time spent preparing batches. Leaves no tensor behind.
 */
import * as tf from '@tensorflow/tfjs-core';
import { now } from '../clock.ts';
import { channelStats, toFloatBatch } from '../data/stats.ts';
import type { ImageSet } from '../data/types.ts';
import { forward } from '../models/forward.ts';
import type { ResNetSpec } from '../models/spec.ts';
import type { Weights } from '../models/weights.ts';
import { Rng } from '../rng.ts';
import type { BatchSource } from './batchSource.ts';
import { createNetwork, disposeNetwork, type Network } from './network.ts';
import { prepareBatch } from './prepareBatch.ts';
import { Sgd } from './sgd.ts';
import { trainStep } from './step.ts';

/** The middle value (the mean of the middle two for an even count). */
export function median(xs: readonly number[]): number {
  if (xs.length === 0) throw new RangeError('median of no values');
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

export interface BenchSettings {
  /** Images per training step. */
  batch: number;
  /** Images per inference pass. */
  images: number;
  runs: number;
  warmup: number;
  /** Kernel times of `runs` profiled steps. */
  profile?: boolean;
  /** Time `runs` steps the way the trainer runs them, batch preparation included. */
  batchPrep?: boolean;
  /** The process's CPU time in ms, where the host can tell (Node). */
  cpuClock?: () => number;
  /** After every timed or warm-up run: lets a host interleave another framework's run under the same load. */
  after?: (what: 'train' | 'infer', warmup: boolean) => Promise<void>;
  /** Between runs: a host's heartbeat. */
  tick?: () => void;
}

export interface KernelTime {
  kernel: string;
  ms: number;
  calls: number;
}

export interface BatchPrepTimes {
  /** Mean ms per step preparing its batch on the CPU (source pixels, augmentation, tensor creation). */
  prepMs: number;
  /** Wall ms per step, preparation included, losses read once at the end (as the trainer does per epoch). */
  stepMs: number;
  /** prepMs / stepMs: the share of the trainer's step time spent preparing batches. */
  share: number;
  steps: number;
}

export interface BenchTimes {
  trainStepMs: number;
  inferMs: number;
  trainStepCpuMs?: number;
  inferCpuMs?: number;
  runs: number;
  warmup: number;
  profile?: KernelTime[];
  batchPrep?: BatchPrepTimes;
}

interface RunTime {
  ms: number;
  cpuMs?: number;
}

/** Random uint8 images of the spec's shape behind the trainer's batch source (normalised like a pool). */
function syntheticSource(spec: ResNetSpec, count: number): BatchSource {
  const [height, width, channels] = spec.inputShape;
  const rng = new Rng(7, 'bench/pixels');
  const images = new Uint8Array(count * height * width * channels);
  for (let i = 0; i < images.length; i++) images[i] = rng.int(256);
  const labels = Int32Array.from({ length: count }, (_, i) => i % spec.numClasses);
  const set: ImageSet = { images, labels, count, height, width, channels };
  const stats = channelStats(set);
  return { height, width, channels, numClasses: spec.numClasses, labels, pixels: (indices) => toFloatBatch(set, indices, stats) };
}

async function profileSteps(step: () => tf.Tensor, steps: number): Promise<KernelTime[]> {
  const by = new Map<string, { ms: number[]; calls: number }>();
  for (let i = 0; i < steps; i++) {
    const p = await tf.profile(async () => {
      const loss = step();
      await loss.data();
      loss.dispose();
    });
    const perStep = new Map<string, { ms: number; calls: number }>();
    for (const k of p.kernels) {
      const e = perStep.get(k.name) ?? { ms: 0, calls: 0 };
      perStep.set(k.name, { ms: e.ms + Number(k.kernelTimeMs), calls: e.calls + 1 });
    }
    for (const [name, e] of perStep) {
      const all = by.get(name) ?? { ms: [], calls: e.calls };
      all.ms.push(e.ms);
      by.set(name, all);
    }
  }
  return [...by].map(([kernel, e]) => ({ kernel, ms: Math.round(median(e.ms) * 10) / 10, calls: e.calls })).sort((a, b) => b.ms - a.ms).slice(0, 12);
}

/** `steps` trainer-like steps after one untimed one: each batch prepared on the CPU, losses read at the end. */
async function batchPrepSteps(net: Network, sgd: Sgd, batch: number, steps: number, tick: () => void): Promise<BatchPrepTimes> {
  const source = syntheticSource(net.spec, 2 * batch);
  const augmentRng = new Rng(7, 'bench/augment');
  const order = new Rng(7, 'bench/shuffle');
  const pending: tf.Tensor[] = [];
  const step = () => {
    const idx = Array.from(order.permutation(2 * batch).subarray(0, batch));
    const t0 = now();
    const { x, labels } = prepareBatch(source, idx, augmentRng);
    const prepMs = now() - t0;
    const { loss, correct } = trainStep(net, sgd, { x, labels }, 0.01);
    tf.dispose([x, labels, correct]);
    pending.push(loss);
    return prepMs;
  };
  const drain = async () => {
    await Promise.all(pending.map((t) => t.data()));
    tf.dispose(pending.splice(0));
  };
  try {
    step();
    await drain();
    tick();
    const prep: number[] = [];
    const t0 = now();
    for (let i = 0; i < steps; i++) prep.push(step());
    await drain();
    const stepMs = (now() - t0) / steps;
    const prepMs = prep.reduce((a, b) => a + b, 0) / steps;
    return { prepMs, stepMs, share: prepMs / stepMs, steps };
  } finally {
    tf.dispose(pending);
  }
}

/** Times `spec` with `weights` on the current backend (see the file's comment). */
export async function benchNetwork(spec: ResNetSpec, weights: Weights, s: BenchSettings): Promise<BenchTimes> {
  const net = createNetwork(spec, weights);
  const [h, w, c] = spec.inputShape;
  const x = tf.randomNormal([s.batch, h, w, c], 0, 1, 'float32', 1) as tf.Tensor4D;
  const labels = tf.tensor1d(Array.from({ length: s.batch }, (_, i) => i % spec.numClasses), 'int32');
  const images = tf.randomNormal([s.images, h, w, c], 0, 1, 'float32', 2) as tf.Tensor4D;
  const sgd = new Sgd({ momentum: 0.9, weightDecay: 5e-4, nesterov: true });
  const tick = s.tick ?? (() => undefined);
  const step = () => {
    const { loss, correct } = trainStep(net, sgd, { x, labels }, 0.01);
    tf.dispose(correct);
    return loss;
  };
  const infer = () => tf.tidy(() => tf.softmax(forward(net.spec, net.params, images, false).logits));
  const time = async (f: () => tf.Tensor): Promise<RunTime> => {
    const t0 = now();
    const c0 = s.cpuClock?.();
    const out = f();
    await out.data();
    out.dispose();
    const ms = now() - t0;
    tick();
    return c0 === undefined ? { ms } : { ms, cpuMs: s.cpuClock!() - c0 };
  };
  try {
    for (let i = 0; i < s.warmup; i++) {
      await time(step);
      await s.after?.('train', true);
      await time(infer);
      await s.after?.('infer', true);
    }
    const train: RunTime[] = [];
    for (let i = 0; i < s.runs; i++) {
      train.push(await time(step));
      await s.after?.('train', false);
    }
    const inference: RunTime[] = [];
    for (let i = 0; i < s.runs; i++) {
      inference.push(await time(infer));
      await s.after?.('infer', false);
    }
    const cpu = (ts: RunTime[]) => (s.cpuClock ? median(ts.map((t) => t.cpuMs!)) : undefined);
    const out: BenchTimes = { trainStepMs: median(train.map((t) => t.ms)), inferMs: median(inference.map((t) => t.ms)), runs: s.runs, warmup: s.warmup };
    const [trainCpu, inferCpu] = [cpu(train), cpu(inference)];
    if (trainCpu !== undefined && inferCpu !== undefined) Object.assign(out, { trainStepCpuMs: trainCpu, inferCpuMs: inferCpu });
    if (s.profile) out.profile = await profileSteps(step, s.runs);
    if (s.batchPrep) out.batchPrep = await batchPrepSteps(net, sgd, s.batch, Math.max(2, s.runs), tick);
    return out;
  } finally {
    tf.dispose([x, labels, images]);
    sgd.dispose();
    disposeNetwork(net);
  }
}
