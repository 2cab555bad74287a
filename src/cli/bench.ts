/**
 * Training and inference speed of the lab's networks on this machine's tfjs backends, optionally against
 * PyTorch's CPU build running the same architecture (scripts/torch_bench.py), interleaved run by run so
 * both see the same machine load.
 *   npm run --silent bench -- [--json] [--models resnet20,resnet56] [--ratios 0,0.5] [--backends wasm,cpu]
 *                              [--runs 5] [--warmup 2] [--batch 64] [--images 256] [--threads N] [--torch] [--torch-threads N] [--profile]
 *                              [--batch-prep] [--check]
 *   npm run --silent bench -- --threads 1,2 [--models ...] [--ratios ...] [--runs 5]
 * `--threads` with a list measures wasm at each thread count side by side (threadSpeedup.ts): child processes
 * take turns, and each row adds its speed-up against the first count.
 * Times are medians of --runs after --warmup: one training step (forward, loss, backward, momentum SGD,
 * batch-norm statistics) at --batch, and one inference pass over --images (src/core/train/benchStep.ts, the
 * same code the browser benchmark runs). The cpu backend is far too slow for that: it is measured at a small
 * batch and scaled linearly (its `note` says so). Each time is taken as wall time and as the process's CPU
 * time (`*CpuMs`): on a machine shared with other jobs the wall time of a one-thread run swings 2x while its
 * CPU time barely moves, so compare one-thread runs by CPU time. `--batch-prep` adds the share of a step the
 * trainer spends preparing its batch; `--check` compares wasm's losses and logits with the cpu backend's.
 *
 *   npm run --silent bench -- --browser [--backends webgpu,wasm] [--models resnet20] [--ratios 0,0.5] [--runs N] [--batch 64] [--json]
 *                              [--software-full] [--port N] [--timeout-min N]
 * `--browser` runs it instead in headless Chromium, in the lab's own worker, on the backends as the lab starts
 * them, with the batch preparation's share and the check against cpu always on (browserBench.ts; needs a build).
 */
import '@tensorflow/tfjs'; // registers tfjs's gradient functions in Node
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createInterface } from 'node:readline';
import * as tf from '@tensorflow/tfjs-core';
import { countMacs, countParams } from '../core/models/count.ts';
import { checkRun, compareRuns } from '../core/train/backendCheck.ts';
import { benchJob, scaledNote, scaleTimes, type BenchJob } from '../core/train/benchJob.ts';
import { benchNetwork, median } from '../core/train/benchStep.ts';
import type { BenchRow } from '../protocol/bench.ts';
import { stringOption, UsageError, type ParsedArgs } from './args.ts';
import { coreCount, selectBackend, silenceCpuGreeting } from './backend.ts';
import { intOption, list, parseBenchArgs, type BenchOptions } from './benchArgs.ts';
import { benchTable } from './benchTable.ts';
import { threadsSideBySide } from './threadSpeedup.ts';

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

interface NodeSettings extends BenchOptions {
  batchPrep: boolean;
  check: boolean;
}

/** The process's CPU time in ms. */
const cpuClock = (): number => {
  const c = process.cpuUsage();
  return (c.user + c.system) / 1000;
};

async function measure(j: BenchJob, backend: string, threads: number | undefined, s: NodeSettings, torch: TorchBench | null): Promise<BenchRow> {
  await tf.setBackend(backend);
  if (backend === 'cpu') silenceCpuGreeting();
  const cpu = backend === 'cpu';
  const size = cpu ? { batch: s.cpuBatch, images: s.cpuImages } : { batch: s.batch, images: s.images };
  const tt = torch && !cpu ? torch : null;
  const torchInfo = tt ? await tt.request<{ threads: number; torch: string }>({ cmd: 'info' }) : null;
  if (tt) await tt.request({ cmd: 'build', spec: j.spec, batch: s.batch });
  const runs = cpu ? Math.max(1, Math.min(s.runs, 3)) : s.runs;
  const warmup = cpu ? 1 : s.warmup;
  type TorchRun = { ms: number[]; cpuMs: number[] };
  const torchTrain: TorchRun = { ms: [], cpuMs: [] };
  const torchInfer: TorchRun = { ms: [], cpuMs: [] };
  const add = (to: TorchRun, r: TorchRun) => (to.ms.push(...r.ms), to.cpuMs.push(...r.cpuMs));
  // PyTorch's run follows each of ours, so both see the same load.
  const after = async (what: 'train' | 'infer', warm: boolean) => {
    const r = await tt!.request<TorchRun>(what === 'train' ? { cmd: 'train', steps: 1 } : { cmd: 'infer', images: s.images, reps: 1 });
    if (!warm) add(what === 'train' ? torchTrain : torchInfer, r);
  };
  const measured = await benchNetwork(j.spec, j.weights, {
    ...size, runs, warmup, cpuClock, profile: s.profile && !cpu, batchPrep: s.batchPrep && !cpu, ...(tt ? { after } : {}),
  });
  const t = cpu ? scaleTimes(measured, size, s) : measured;
  const row: BenchRow = {
    model: j.model, ratio: j.pruningRatio, backend, ...(cpu ? {} : { threads }), params: countParams(j.spec), macsPerImage: countMacs(j.spec),
    batch: s.batch, trainStepMs: t.trainStepMs, images: s.images, inferMs: t.inferMs, trainStepCpuMs: t.trainStepCpuMs!, inferCpuMs: t.inferCpuMs!, runs,
  };
  if (cpu) row.note = scaledNote('cpu', size, s, runs, warmup);
  if (tt && torchInfo) {
    row.torch = {
      trainStepMs: median(torchTrain.ms), inferMs: median(torchInfer.ms), trainStepCpuMs: median(torchTrain.cpuMs), inferCpuMs: median(torchInfer.cpuMs),
      threads: torchInfo.threads, version: torchInfo.torch,
    };
    row.ratioToTorch = {
      train: row.trainStepMs / row.torch.trainStepMs, infer: row.inferMs / row.torch.inferMs,
      trainCpu: row.trainStepCpuMs! / row.torch.trainStepCpuMs, inferCpu: row.inferCpuMs! / row.torch.inferCpuMs,
    };
  }
  if (t.profile) row.profile = t.profile;
  if (t.batchPrep) row.batchPrep = t.batchPrep;
  if (s.check && !cpu) {
    const run = await checkRun(j.spec, j.weights);
    await tf.setBackend('cpu');
    silenceCpuGreeting();
    try {
      row.check = compareRuns(run, await checkRun(j.spec, j.weights));
    } finally {
      await tf.setBackend(backend);
    }
  }
  return row;
}

async function nodeBench(s: BenchOptions, args: ParsedArgs, log: (line: string) => void): Promise<BenchRow[]> {
  for (const b of s.backends) if (b !== 'wasm' && b !== 'cpu') throw new UsageError(`--backends: '${b}' is not wasm or cpu (no WebGPU or WebGL in Node; try --browser)`);
  const ns: NodeSettings = { ...s, batchPrep: args.options.has('batch-prep'), check: args.options.has('check') };
  const threads = stringOption(args, 'threads');
  const threadList = list(threads, '').map((t) => intOption(t, 1, 'threads'));
  if (threadList.length > 1) {
    const other = ['torch', 'profile', 'batch-prep', 'check'].filter((k) => args.options.has(k));
    if (other.length > 0) throw new UsageError(`--threads with a list compares thread counts only; leave out --${other.join(', --')}`);
    if (s.backends.some((b) => b !== 'wasm')) log('--threads with a list measures wasm only');
    return threadsSideBySide(s, threadList, log);
  }
  const choice = await selectBackend(s.backends.includes('wasm') ? 'wasm' : 'cpu', threads ? { threads: intOption(threads, 1, 'threads') } : {});
  log(`backend: ${choice.name} (${choice.reason})`);
  let torch: TorchBench | null = null;
  if (args.options.has('torch')) {
    const started = TorchBench.start(intOption(stringOption(args, 'torch-threads'), coreCount(), 'torch-threads'));
    torch = started.bench;
    log(torch ? `torch: ${started.why}, interleaved with the wasm runs` : `torch comparison skipped: ${started.why}`);
  }
  const rows: BenchRow[] = [];
  try {
    for (const backend of s.backends) {
      for (const model of s.models) {
        for (const ratio of s.ratios) {
          log(`measuring ${model} p=${ratio} on ${backend}`);
          rows.push(await measure(benchJob(model, ratio), backend, backend === 'wasm' ? choice.threads : undefined, ns, torch));
        }
      }
    }
  } finally {
    torch?.close();
  }
  return rows;
}

async function main(argv: string[]): Promise<void> {
  const { settings, args } = parseBenchArgs(argv);
  const log = (line: string) => process.stderr.write(`${line}\n`);
  // The browser driver (playwright-core, a preview server) loads only when asked for.
  const rows = settings.browser ? await (await import('./browserBench.ts')).runBrowserBench(settings, args, log) : await nodeBench(settings, args, log);
  process.stdout.write(settings.json ? `${JSON.stringify(rows, null, 2)}\n` : `${benchTable(rows, settings.browser)}\n`);
}

main(process.argv.slice(2)).catch((e: unknown) => {
  process.stderr.write(`bench: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = e instanceof UsageError ? 2 : 1;
});
