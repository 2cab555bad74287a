import { describe, expect, it } from 'vitest';
import type { BenchRow } from '../protocol/bench.ts';
import { benchTable } from './benchTable.ts';
import { combineRounds } from './threadSpeedup.ts';

const row = (threads: number, trainStepMs: number, inferMs: number): BenchRow => ({
  model: 'resnet20', ratio: 0, backend: 'wasm', threads, params: 1, macsPerImage: 1, batch: 64, trainStepMs, images: 256, inferMs,
  trainStepCpuMs: trainStepMs, inferCpuMs: inferMs, runs: 5,
});

describe('combineRounds', () => {
  it('takes the median of each thread count over its rounds and the speed-up against the first count', () => {
    const rows = combineRounds([
      { threads: 1, rounds: [row(1, 900, 800), row(1, 850, 820), row(1, 1000, 790)] },
      { threads: 2, rounds: [row(2, 600, 400), row(2, 640, 410), row(2, 590, 450)] },
    ]);
    expect(rows.map((r) => [r.threads, r.trainStepMs, r.inferMs, r.runs])).toEqual([[1, 900, 800, 15], [2, 600, 410, 15]]);
    expect(rows[0]!.threadSpeedup).toEqual({ against: 1, train: 1, infer: 1, rounds: 3 });
    expect(rows[1]!.threadSpeedup!.train).toBeCloseTo(1.5);
    expect(rows[1]!.threadSpeedup!.infer).toBeCloseTo(800 / 410);
    const table = benchTable(rows);
    expect(table).toMatch(/train speedup/);
    expect(table).toMatch(/1\.50/);
    expect(table).not.toMatch(/torch/);
  });

  it('refuses a thread count with no measurement', () => {
    expect(() => combineRounds([{ threads: 1, rounds: [] }])).toThrow(/no measurement at 1 threads/);
  });
});
