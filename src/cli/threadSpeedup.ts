/**
 * `npm run bench -- --threads 1,2`: the same networks at several wasm thread counts, side by side. Node loads
 * wasm's thread pool once per process, so each measurement is a child benchmark process at one thread count;
 * the thread counts take turns, network by network, for ROUNDS rounds, so all of them see the same machine
 * load. Each row holds the median over the rounds of the children's times, and its speed-up against the first
 * thread count listed.
 */
import { spawn } from 'node:child_process';
import type { BenchRow } from '../protocol/bench.ts';
import { median } from '../core/train/benchStep.ts';
import type { BenchOptions } from './benchArgs.ts';

export const ROUNDS = 3;

/** One network's rows at each thread count, one per round: the rows to print, with their speed-ups. */
export function combineRounds(byThreads: ReadonlyArray<{ threads: number; rounds: BenchRow[] }>): BenchRow[] {
  const rows = byThreads.map(({ threads, rounds }) => {
    const first = rounds[0];
    if (!first) throw new Error(`no measurement at ${threads} threads`);
    const med = (f: (r: BenchRow) => number | undefined) => median(rounds.map(f).filter((x): x is number => x !== undefined));
    return {
      ...first, threads, runs: rounds.reduce((n, r) => n + r.runs, 0),
      trainStepMs: med((r) => r.trainStepMs), inferMs: med((r) => r.inferMs),
      trainStepCpuMs: med((r) => r.trainStepCpuMs), inferCpuMs: med((r) => r.inferCpuMs),
    };
  });
  const base = rows[0]!;
  return rows.map((r) => ({
    ...r,
    threadSpeedup: { against: base.threads, train: base.trainStepMs / r.trainStepMs, infer: base.inferMs / r.inferMs, rounds: byThreads[0]!.rounds.length },
  }));
}

/** This benchmark, as a child process, for one network at one thread count. */
function child(s: BenchOptions, model: string, ratio: number, threads: number): Promise<BenchRow> {
  const args = [
    ...process.execArgv, process.argv[1]!, '--json', '--backends', 'wasm', '--threads', String(threads), '--models', model, '--ratios', String(ratio),
    '--runs', String(s.runs), '--warmup', String(s.warmup), '--batch', String(s.batch), '--images', String(s.images),
  ];
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    proc.stdout.on('data', (d: Buffer) => void (out += d.toString()));
    proc.stderr.on('data', (d: Buffer) => void (err += d.toString()));
    proc.on('error', reject);
    proc.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`the benchmark at ${threads} threads ended with exit ${code}: ${err.trim().split('\n').pop()}`));
      const rows = JSON.parse(out) as BenchRow[];
      if (rows[0]?.threads !== threads) return reject(new Error(`asked for ${threads} wasm threads, the child ran ${rows[0]?.threads ?? 'none'}: ${err.trim()}`));
      resolve(rows[0]);
    });
  });
}

export async function threadsSideBySide(s: BenchOptions, threads: number[], log: (line: string) => void): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  for (const model of s.models) {
    for (const ratio of s.ratios) {
      const byThreads = threads.map((t) => ({ threads: t, rounds: [] as BenchRow[] }));
      for (let round = 1; round <= ROUNDS; round++) {
        for (const entry of byThreads) {
          log(`measuring ${model} p=${ratio} on wasm, ${entry.threads} thread${entry.threads === 1 ? '' : 's'} (round ${round} of ${ROUNDS})`);
          entry.rounds.push(await child(s, model, ratio, entry.threads));
        }
      }
      rows.push(...combineRounds(byThreads));
    }
  }
  return rows;
}
