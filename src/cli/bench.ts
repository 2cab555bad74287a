/**
 * Training and inference speed of the lab's networks on this machine's tfjs backends, optionally against
 * PyTorch's CPU build running the same architecture (scripts/torch_bench.py), interleaved run by run so
 * both see the same machine load.
 *   npm run --silent bench -- [--json] [--models resnet20,resnet56] [--ratios 0,0.5] [--backends wasm,cpu]
 *                              [--runs 5] [--warmup 2] [--batch 64] [--images 256] [--threads N] [--torch] [--torch-threads N] [--profile]
 * Times are medians of --runs after --warmup: one training step (forward, loss, backward, momentum SGD,
 * batch-norm statistics) at --batch, and one inference pass over --images. The cpu backend is far too slow
 * for that: it is measured at a small batch and scaled linearly (its `note` says so). Each time is taken as
 * wall time and as the process's CPU time (`*CpuMs`): on a machine shared with other jobs the wall time of a
 * one-thread run swings 2x while its CPU time barely moves, so compare one-thread runs by CPU time.
 */
import '@tensorflow/tfjs'; // registers tfjs's gradient functions in Node
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createInterface } from 'node:readline';
import * as tf from '@tensorflow/tfjs-core';
import { forward } from '../core/models/forward.ts';
import { countMacs, countParams } from '../core/models/count.ts';
import { resnetSpec } from '../core/models/resnet.ts';
import type { ResNetSpec } from '../core/models/spec.ts';
import { initWeights, type Weights } from '../core/models/weights.ts';
import { prune } from '../core/prune/prune.ts';
import { createNetwork, disposeNetwork, type Network } from '../core/train/network.ts';
import { Sgd } from '../core/train/sgd.ts';
import { trainStep } from '../core/train/step.ts';
import { parseArgs, stringOption, UsageError } from './args.ts';
import { coreCount, selectBackend, silenceCpuGreeting } from './backend.ts';

interface TorchTimes { trainStepMs: number; inferMs: number; trainStepCpuMs: number; inferCpuMs: number; threads: number; version: string }

export interface BenchRow {
  model: string;
  ratio: number;
  backend: string;
  threads?: number;
  params: number;
  macsPerImage: number;
  batch: number;
  trainStepMs: number;
  images: number;
  inferMs: number;
  /** CPU time of this process per step and per inference (medians): with one thread, what the work costs
   *  on an idle core; other jobs on a shared machine change it far less than the wall time. */
  trainStepCpuMs: number;
  inferCpuMs: number;
  runs: number;
  note?: string;
  torch?: TorchTimes;
  /** wasm time / torch time (wall, and CPU time). */
  ratioToTorch?: { train: number; infer: number; trainCpu: number; inferCpu: number };
  /** Kernel time of one training step, by kernel (median over --runs profiled steps), largest first (with --profile). */
  profile?: Array<{ kernel: string; ms: number; calls: number }>;
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
const list = (s: string | undefined, dflt: string): string[] => (s ?? dflt).split(',').map((x) => x.trim()).filter((x) => x);
function intOption(v: string | undefined, dflt: number, name: string): number {
  const n = v === undefined ? dflt : Number(v);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`--${name} must be a positive integer, got '${v}'`);
  return n;
}

/** A persistent scripts/torch_bench.py --serve, one JSON request and reply per line. */
class TorchBench {
  private readonly replies: Array<(line: string) => void> = [];
  private constructor(private readonly proc: ChildProcessWithoutNullStreams) {
    createInterface({ input: proc.stdout }).on('line', (line) => this.replies.shift()?.(line));
  }

  /** null (and why) when no python3 on this machine imports torch. */
  static start(threads: number): { bench: TorchBench | null; why: string } {
    const env = { ...process.env };
    delete env.OPENBLAS_CORETYPE; // these slow BLAS down on this machine's processors
    delete env.OPENBLAS_L2_SIZE;
    const candidates = [process.env.PRUNEFUSE_PYTHON, 'python3', '/usr/bin/python3'].filter((c): c is string => !!c);
    const python = candidates.find((p) => spawnSync(p, ['-c', 'import torch'], { env, stdio: 'ignore' }).status === 0);
    if (!python) return { bench: null, why: `no python3 that imports torch (tried ${candidates.join(', ')}; Debian: apt-get install -y python3-torch)` };
    const proc = spawn(python, ['scripts/torch_bench.py', '--serve', '--threads', String(threads)], { env });
    proc.stderr.on('data', (d: Buffer) => process.stderr.write(`torch: ${d}`));
    return { bench: new TorchBench(proc), why: python };
  }

  request<T>(msg: object): Promise<T> {
    return new Promise((resolve, reject) => {
      this.replies.push((line) => {
        const reply = JSON.parse(line) as T & { error?: string };
        if (reply.error) reject(new Error(`torch_bench.py: ${reply.error}`));
        else resolve(reply);
      });
      this.proc.stdin.write(`${JSON.stringify(msg)}\n`);
    });
  }

  close(): void {
    this.proc.stdin.end(`${JSON.stringify({ cmd: 'quit' })}\n`);
  }
}

interface Job { model: string; ratio: number; spec: ResNetSpec; weights: Weights }

function job(model: string, ratio: number): Job {
  const dense = resnetSpec(model);
  const weights = initWeights(dense, 0);
  if (ratio === 0) return { model, ratio, spec: dense, weights };
  const pruned = prune(dense, weights, { ratio });
  return { model, ratio, spec: pruned.spec, weights: pruned.weights };
}

/** Timers for one network on the current backend; `trainBatch`/`inferBatch` images per call. */
function timers(net: Network, trainBatch: number, inferBatch: number) {
  const [h, w, c] = net.spec.inputShape;
  const x = tf.randomNormal([trainBatch, h, w, c], 0, 1, 'float32', 1) as tf.Tensor4D;
  const labels = tf.tensor1d(Array.from({ length: trainBatch }, (_, i) => i % net.spec.numClasses), 'int32');
  const images = tf.randomNormal([inferBatch, h, w, c], 0, 1, 'float32', 2) as tf.Tensor4D;
  const sgd = new Sgd({ momentum: 0.9, weightDecay: 5e-4, nesterov: true });
  const step = () => {
    const { loss, correct } = trainStep(net, sgd, { x, labels }, 0.01);
    tf.dispose(correct);
    return loss;
  };
  /** Wall and CPU milliseconds of one call. */
  const time = async (f: () => tf.Tensor): Promise<{ ms: number; cpuMs: number }> => {
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    const out = f();
    await out.data();
    out.dispose();
    const c = process.cpuUsage(c0);
    return { ms: performance.now() - t0, cpuMs: (c.user + c.system) / 1000 };
  };
  return {
    train: () => time(step),
    infer: () => time(() => tf.tidy(() => tf.softmax(forward(net.spec, net.params, images, false).logits))),
    /** Kernel time per step by kernel: the median over `steps` profiled steps, largest first. */
    profile: async (steps: number) => {
      const by = new Map<string, { ms: number[]; calls: number }>();
      for (let i = 0; i < steps; i++) {
        const p = await tf.profile(async () => (await step().data(), undefined));
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
    },
    dispose: () => (tf.dispose([x, labels, images]), sgd.dispose()),
  };
}

interface Settings { runs: number; warmup: number; batch: number; images: number; cpuBatch: number; cpuImages: number; profile: boolean }

async function measure(j: Job, backend: string, threads: number | undefined, s: Settings, torch: TorchBench | null): Promise<BenchRow> {
  await tf.setBackend(backend);
  if (backend === 'cpu') silenceCpuGreeting();
  const cpu = backend === 'cpu';
  const [trainBatch, inferBatch] = cpu ? [s.cpuBatch, s.cpuImages] : [s.batch, s.images];
  const net = createNetwork(j.spec, j.weights);
  const t = timers(net, trainBatch, inferBatch);
  const tt = torch && !cpu ? torch : null;
  const torchInfo = tt ? await tt.request<{ threads: number; torch: string }>({ cmd: 'info' }) : null;
  if (tt) await tt.request({ cmd: 'build', spec: j.spec, batch: s.batch });
  const runs = cpu ? Math.max(1, Math.min(s.runs, 3)) : s.runs;
  const train: Array<{ ms: number; cpuMs: number }> = [];
  const infer: Array<{ ms: number; cpuMs: number }> = [];
  type TorchRun = { ms: number[]; cpuMs: number[] };
  const torchTrain: TorchRun = { ms: [], cpuMs: [] };
  const torchInfer: TorchRun = { ms: [], cpuMs: [] };
  const add = (to: TorchRun, r: TorchRun) => (to.ms.push(...r.ms), to.cpuMs.push(...r.cpuMs));
  for (let i = 0; i < (cpu ? 1 : s.warmup); i++) {
    await t.train();
    await t.infer();
    if (tt) await tt.request({ cmd: 'train', steps: 1 }), await tt.request({ cmd: 'infer', images: s.images, reps: 1 });
  }
  for (let i = 0; i < runs; i++) {
    train.push(await t.train());
    if (tt) add(torchTrain, await tt.request<TorchRun>({ cmd: 'train', steps: 1 }));
  }
  for (let i = 0; i < runs; i++) {
    infer.push(await t.infer());
    if (tt) add(torchInfer, await tt.request<TorchRun>({ cmd: 'infer', images: s.images, reps: 1 }));
  }
  const row: BenchRow = {
    model: j.model, ratio: j.ratio, backend, ...(cpu ? {} : { threads }), params: countParams(j.spec), macsPerImage: countMacs(j.spec),
    batch: s.batch, trainStepMs: (median(train.map((t) => t.ms)) * s.batch) / trainBatch, images: s.images, inferMs: (median(infer.map((t) => t.ms)) * s.images) / inferBatch,
    trainStepCpuMs: (median(train.map((t) => t.cpuMs)) * s.batch) / trainBatch, inferCpuMs: (median(infer.map((t) => t.cpuMs)) * s.images) / inferBatch, runs,
  };
  if (cpu) row.note = `cpu measured at batch ${trainBatch} (training, ${runs} runs after 1 warm-up) and ${inferBatch} images (inference), scaled linearly to ${s.batch} and ${s.images}`;
  if (tt && torchInfo) {
    row.torch = {
      trainStepMs: median(torchTrain.ms), inferMs: median(torchInfer.ms), trainStepCpuMs: median(torchTrain.cpuMs), inferCpuMs: median(torchInfer.cpuMs),
      threads: torchInfo.threads, version: torchInfo.torch,
    };
    row.ratioToTorch = {
      train: row.trainStepMs / row.torch.trainStepMs, infer: row.inferMs / row.torch.inferMs,
      trainCpu: row.trainStepCpuMs / row.torch.trainStepCpuMs, inferCpu: row.inferCpuMs / row.torch.inferCpuMs,
    };
  }
  if (s.profile && !cpu) row.profile = await t.profile(runs);
  t.dispose();
  disposeNetwork(net);
  return row;
}

function table(rows: BenchRow[]): string {
  const f = (x: number | undefined, d = 0) => (x === undefined ? '-' : x.toFixed(d));
  const head = ['model', 'p', 'backend', 'threads', 'params', 'train ms', 'infer ms', 'train cpu', 'torch train', 'torch infer', 'torch train cpu',
    'wasm/torch train', 'wasm/torch infer', 'wasm/torch train cpu'];
  const body = rows.map((r) => [r.model, String(r.ratio), r.backend, r.threads === undefined ? '-' : String(r.threads), String(r.params), f(r.trainStepMs), f(r.inferMs),
    f(r.trainStepCpuMs), f(r.torch?.trainStepMs), f(r.torch?.inferMs), f(r.torch?.trainStepCpuMs), f(r.ratioToTorch?.train, 2), f(r.ratioToTorch?.infer, 2),
    f(r.ratioToTorch?.trainCpu, 2)]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i < 3 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  const notes = [...new Set(rows.flatMap((r) => (r.note ? [r.note] : [])))];
  const profiles = rows.filter((r) => r.profile).map((r) => `${r.model} p=${r.ratio} ${r.backend} kernel ms: ${r.profile!.map((p) => `${p.kernel} ${p.ms}/${p.calls}`).join(', ')}`);
  const b = rows[0];
  return [line(head), ...body.map(line), '', `train: ms per step at batch ${b?.batch}; infer: ms per ${b?.images} images; medians; cpu: CPU time of the process`, ...notes, ...profiles].join('\n');
}

async function main(argv: string[]): Promise<void> {
  const args = parseArgs(argv, ['json', 'torch', 'profile'], ['models', 'ratios', 'backends', 'runs', 'warmup', 'batch', 'images', 'threads', 'torch-threads', 'cpu-batch', 'cpu-images']);
  const models = list(stringOption(args, 'models'), 'resnet20,resnet56');
  const ratios = list(stringOption(args, 'ratios'), '0,0.5').map(Number);
  const backends = list(stringOption(args, 'backends'), 'wasm,cpu');
  for (const b of backends) if (b !== 'wasm' && b !== 'cpu') throw new UsageError(`--backends: '${b}' is not wasm or cpu (no WebGPU or WebGL in Node)`);
  const s: Settings = {
    runs: intOption(stringOption(args, 'runs'), 5, 'runs'), warmup: intOption(stringOption(args, 'warmup'), 2, 'warmup'),
    batch: intOption(stringOption(args, 'batch'), 64, 'batch'), images: intOption(stringOption(args, 'images'), 256, 'images'),
    cpuBatch: intOption(stringOption(args, 'cpu-batch'), 1, 'cpu-batch'), cpuImages: intOption(stringOption(args, 'cpu-images'), 16, 'cpu-images'),
    profile: args.options.has('profile'),
  };
  const threads = stringOption(args, 'threads');
  const log = (line: string) => process.stderr.write(`${line}\n`);
  const choice = await selectBackend(backends.includes('wasm') ? 'wasm' : 'cpu', threads ? { threads: intOption(threads, 1, 'threads') } : {});
  log(`backend: ${choice.name} (${choice.reason})`);
  let torch: TorchBench | null = null;
  if (args.options.has('torch')) {
    const started = TorchBench.start(intOption(stringOption(args, 'torch-threads'), coreCount(), 'torch-threads'));
    torch = started.bench;
    log(torch ? `torch: ${started.why}, interleaved with the wasm runs` : `torch comparison skipped: ${started.why}`);
  }
  const rows: BenchRow[] = [];
  try {
    for (const backend of backends) {
      for (const model of models) {
        for (const ratio of ratios) {
          log(`measuring ${model} p=${ratio} on ${backend}`);
          rows.push(await measure(job(model, ratio), backend, backend === 'wasm' ? choice.threads : undefined, s, torch));
        }
      }
    }
  } finally {
    torch?.close();
  }
  process.stdout.write(args.options.has('json') ? `${JSON.stringify(rows, null, 2)}\n` : `${table(rows)}\n`);
}

main(process.argv.slice(2)).catch((e: unknown) => {
  process.stderr.write(`bench: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = e instanceof UsageError ? 2 : 1;
});
