/**
 * The benchmark in the lab's worker (lab.worker.ts: bench(), driven by `npm run bench -- --browser`). Each
 * requested backend is started by the lab's own backend choice (backend.ts: selectBackend, so a forced
 * backend that cannot start falls through as it would for a run, and the row says so); every model and
 * ratio is then timed by the core code the Node benchmark uses (core/train/benchStep.ts) and, on a backend
 * other than cpu, checked against the cpu backend in this same worker: switched to cpu after the timed part,
 * and back. The cpu reference of a network is computed once.
 *
 * A software WebGPU adapter (SwiftShader) is a CPU renderer about 100x slower than wasm: its rows say
 * `software: true` with the adapter, are timed at `request.software`'s small size (scaled, with a note)
 * unless that is null, and are never reported as a GPU.
 */
import * as tf from '@tensorflow/tfjs-core';
import { countMacs, countParams } from '../src/core/models/count.ts';
import { checkRun, compareRuns, type BackendCheck, type CheckRun } from '../src/core/train/backendCheck.ts';
import { benchJob, scaledNote, scaleTimes, type BenchJob, type BenchSize } from '../src/core/train/benchJob.ts';
import { benchNetwork } from '../src/core/train/benchStep.ts';
import type { BenchRequest, BenchRow } from '../src/protocol/bench.ts';
import { probeNavigatorGpu, selectBackend } from './backend.ts';

export interface BenchHooks {
  /** Between runs: the worker's heartbeat. */
  tick: () => void;
  progress: (line: string) => void;
  cancelled: () => boolean;
}

interface Plan {
  size: BenchSize;
  runs: number;
  warmup: number;
  note?: string;
}

function planFor(backend: string, software: string | null, r: BenchRequest): Plan {
  const full = { batch: r.batch, images: r.images };
  const small = (size: BenchSize, runs: number, warmup: number, what: string): Plan => {
    const measured = { batch: Math.min(size.batch, r.batch), images: Math.min(size.images, r.images) };
    return { size: measured, runs, warmup, note: scaledNote(what, measured, full, runs, warmup) };
  };
  if (backend === 'cpu') return small(r.cpu, Math.max(1, Math.min(r.runs, 3)), 1, 'cpu');
  if (software !== null && r.software) {
    const what = `webgpu on a software adapter (${software}; a CPU renderer, about 100x slower than wasm, not a GPU)`;
    return small(r.software, Math.min(r.software.runs, r.runs), Math.min(r.software.warmup, r.warmup), what);
  }
  const note = software !== null ? `webgpu on a software adapter (${software}): a CPU renderer, not a GPU` : undefined;
  return { size: full, runs: r.runs, warmup: r.warmup, ...(note ? { note } : {}) };
}

/** The check on the current backend `name` against the cpu backend's (computed once per network). */
async function check(job: BenchJob, name: string, references: Map<string, CheckRun>): Promise<BackendCheck> {
  const run = await checkRun(job.spec, job.weights);
  const key = `${job.model}@${job.pruningRatio}`;
  let reference = references.get(key);
  if (!reference) {
    await tf.setBackend('cpu');
    try {
      reference = await checkRun(job.spec, job.weights);
    } finally {
      await tf.setBackend(name);
    }
    references.set(key, reference);
  }
  return compareRuns(run, reference);
}

export async function runBench(r: BenchRequest, hooks: BenchHooks): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const references = new Map<string, CheckRun>();
  for (const requested of r.backends) {
    hooks.progress(`starting ${requested} as the lab does`);
    const choice = await selectBackend(requested === 'auto' ? undefined : requested);
    const gpu = choice.name === 'webgpu' ? await probeNavigatorGpu() : null;
    const software = gpu?.software ? (gpu.adapter ?? 'unknown adapter') : null;
    const fellThrough = requested !== 'auto' && requested !== choice.name;
    hooks.progress(`${choice.name}: ${choice.reason}`);
    for (const model of r.models) {
      for (const ratio of r.ratios) {
        if (hooks.cancelled()) throw new Error('cancelled');
        const job = benchJob(model, ratio);
        const plan = planFor(choice.name, software, r);
        hooks.progress(`measuring ${model} p=${ratio} on ${choice.name}${software ? ' (software adapter)' : ''} at batch ${plan.size.batch}`);
        const tensors = tf.memory().numTensors;
        const nonCpu = choice.name !== 'cpu';
        const measured = await benchNetwork(job.spec, job.weights, {
          ...plan.size, runs: plan.runs, warmup: plan.warmup, profile: r.profile && nonCpu, batchPrep: r.batchPrep && nonCpu, tick: hooks.tick,
        });
        const scaled = plan.size.batch !== r.batch || plan.size.images !== r.images;
        const t = scaled ? scaleTimes(measured, plan.size, r) : measured;
        const notes = [
          ...(fellThrough ? [`asked for ${requested}, which did not start: ${choice.reason}`] : []),
          ...(plan.note ? [plan.note] : []),
        ];
        const row: BenchRow = {
          model, ratio, backend: choice.name, ...(choice.threads ? { threads: choice.threads } : {}),
          params: countParams(job.spec), macsPerImage: countMacs(job.spec),
          batch: r.batch, trainStepMs: t.trainStepMs, images: r.images, inferMs: t.inferMs, runs: plan.runs,
          requested, reason: choice.reason,
          ...(gpu?.adapter ? { adapter: gpu.adapter } : {}), ...(software ? { software: true } : {}),
          ...(scaled ? { measured: plan.size } : {}),
          ...(t.profile ? { profile: t.profile } : {}), ...(t.batchPrep ? { batchPrep: t.batchPrep } : {}),
        };
        if (r.check && nonCpu) {
          hooks.progress(`checking ${model} p=${ratio} on ${choice.name} against cpu`);
          row.check = await check(job, choice.name, references);
        }
        const left = tf.memory().numTensors - tensors;
        if (left !== 0) notes.push(`${left} tensors left behind`);
        if (notes.length) row.note = notes.join('; ');
        rows.push(row);
      }
    }
  }
  return rows;
}
