import '@tensorflow/tfjs-backend-wasm';
import * as tf from '@tensorflow/tfjs-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerWasmTrainingKernels } from '../kernels/register.ts';
import { syntheticDataset } from '../../testing/syntheticDataset.ts';
import { defaultConfig, type RunConfig } from '../config/runConfig.ts';
import type { RunEvent, RunResults } from './events.ts';
import { runExperiment } from './runExperiment.ts';

const dataset = syntheticDataset({ train: 240, test: 40, size: 8 });
const tiny: RunConfig = {
  ...defaultConfig(),
  model: 'resnet8', pool: 200, test: 40, epochs: 1, batch: 32, budget: 0.2,
  methods: ['al', 'prunefuse', 'prunefuse-nokd', 'prunefuse-nofuse', 'svp'], metric: 'kcenter',
};

/** Everything but the measured times. */
function timeless(r: RunResults): unknown {
  return JSON.parse(JSON.stringify({ ...r, startedAt: 0, seconds: 0 }, (k, v) => (k === 'seconds' || k === 'targetSeconds' || k === 'cumulativeSelectionSeconds' ? 0 : v)));
}

async function run(config: RunConfig, cancelAfter?: (e: RunEvent) => boolean) {
  const events: RunEvent[] = [];
  let cancel = false;
  const results = await runExperiment(config, dataset, {
    backend: tf.getBackend(),
    emit: (e) => {
      events.push(e);
      if (cancelAfter?.(e)) cancel = true;
    },
    cancelled: () => cancel,
  });
  return { results, events };
}

// On the trainable wasm backend: the cpu backend takes minutes for what wasm does in seconds.
beforeAll(async () => {
  await tf.setBackend('wasm');
  registerWasmTrainingKernels();
});
afterAll(async () => {
  await tf.setBackend('cpu');
});

describe('runExperiment', () => {
  it('runs every method on a tiny config, reproducibly, leaking no tensor', async () => {
    const before = tf.memory().numTensors;
    const a = await run(tiny);
    expect(tf.memory().numTensors).toBe(before);
    expect(a.results.complete).toBe(true);
    expect(a.results.fractions).toEqual([0.02, 0.1, 0.2]);
    expect(a.results.methods.map((m) => m.method)).toEqual(['al', 'prunefuse@0.5', 'prunefuse-nokd@0.5', 'prunefuse-nofuse@0.5', 'svp']);
    for (const m of a.results.methods) {
      expect(m.rounds.map((r) => r.labeled)).toEqual([4, 20, 40]);
      expect(m.curves).toHaveLength(3);
      for (const r of m.rounds) {
        expect(r.selectorAccuracy).toBeGreaterThanOrEqual(0);
        expect(r.targetAccuracy).toBeGreaterThanOrEqual(0);
        expect(r.selectionFlops).toBeGreaterThan(0);
      }
    }
    const al = a.results.methods[0]!;
    const pf = a.results.methods[1]!;
    expect(pf.selector.params).toBeLessThan(al.selector.params / 3);
    expect(pf.rounds.at(-1)!.cumulativeSelectionFlops).toBeLessThan(al.rounds.at(-1)!.cumulativeSelectionFlops / 2);
    expect(pf.curves[0]!.start).toBe('fused');
    expect(pf.curves[0]!.kd).toBe(true);
    const types = new Set(a.events.map((e) => e.type));
    for (const t of ['run-started', 'round-started', 'epoch', 'selection-done', 'target-finished', 'round-finished', 'run-finished']) expect(types).toContain(t);

    const b = await run(tiny);
    expect(timeless(b.results)).toEqual(timeless(a.results));
    // The prunefuse ablations share the pruned selector's selection, so their selector accuracies agree.
    expect(a.results.methods[2]!.rounds.map((r) => r.selectorAccuracy)).toEqual(pf.rounds.map((r) => r.selectorAccuracy));
  });

  it('stops cleanly when cancelled: results so far, marked incomplete, no leaked tensor', async () => {
    const before = tf.memory().numTensors;
    const { results, events } = await run(tiny, (e) => e.type === 'round-finished' && e.method === 'prunefuse@0.5');
    expect(tf.memory().numTensors).toBe(before);
    expect(results.complete).toBe(false);
    expect(results.stopped).toBe('cancelled');
    expect(results.methods[0]!.rounds).toHaveLength(3);
    expect(results.methods.at(-1)!.rounds).toHaveLength(0);
    expect(events.at(-1)!.type).toBe('run-stopped');
  });
});
