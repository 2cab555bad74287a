import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { trainOnWasm } from '../../testing/backends.ts';
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

trainOnWasm();

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

  it('records selections in dataset numbering, the pruning and a confusion matrix per final model', async () => {
    const { results } = await run({ ...tiny, methods: ['al', 'prunefuse'], metric: 'lc' });
    expect(results.format).toBe(2);
    expect(results.tracks.map((t) => t.id)).toEqual(['al', 'pruned@0.5']);
    expect(results.initial).toHaveLength(4);
    for (const track of results.tracks) {
      expect(track.selections.map((s) => s.round)).toEqual([0, 1]);
      const chosen = [...results.initial, ...track.selections.flatMap((s) => s.images)];
      expect(new Set(chosen).size).toBe(40);
      for (const i of chosen) expect(i >= 0 && i < dataset.train.count).toBe(true);
      expect(track.selections[1]!.scores).toHaveLength(20);
      // Least confidence, highest first.
      const scores = track.selections[1]!.scores!;
      expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    }
    const pruning = results.tracks[1]!.pruning!;
    expect(pruning.length).toBeGreaterThan(0);
    for (const g of pruning) {
      expect(g.kept).toHaveLength(Math.floor(g.scores.length * 0.5));
      const threshold = Math.min(...g.kept.map((k) => g.scores[k]!));
      expect(g.scores.filter((s) => s > threshold).length).toBeLessThan(g.kept.length);
    }
    // The fusion snapshot: the pruned track's last fusion, for the first 3x3 conv of each stage.
    expect(results.tracks[0]!.fusion).toBeUndefined();
    const fusion = results.tracks[1]!.fusion!;
    expect(fusion.round).toBe(2);
    expect(fusion.layers.map((l) => [l.layer, l.rows, l.cols, l.norms.length])).toEqual([['s1.b0.conv1', 16, 16, 256], ['s2.b0.conv1', 32, 16, 512], ['s3.b0.conv1', 64, 32, 2048]]);
    for (const l of fusion.layers) for (const x of l.norms) expect(Number(x.toPrecision(4))).toBe(x);
    for (const m of results.methods) {
      for (const r of m.rounds) {
        const c = r.confusion!;
        expect(c).toHaveLength(dataset.classes.length ** 2);
        expect(c.reduce((a, b) => a + b, 0)).toBe(40);
        const trace = dataset.classes.reduce((a, _, k) => a + c[k * dataset.classes.length + k]!, 0);
        expect(trace / 40).toBeCloseTo(r.targetAccuracy!, 10);
      }
    }
  });

  it('resumes an unfinished run to exactly the numbers of an uninterrupted one', async () => {
    const full = await run(tiny);
    // Stops inside the pruned track's second round: two of its three methods have finished it.
    const partial = await run(tiny, (e) => e.type === 'target-finished' && e.method === 'prunefuse-nokd@0.5' && e.round === 1);
    expect(partial.results.complete).toBe(false);
    const saved: RunResults = JSON.parse(JSON.stringify(partial.results));
    const events: RunEvent[] = [];
    const before = tf.memory().numTensors;
    const resumed = await runExperiment(tiny, dataset, { backend: tf.getBackend(), emit: (e) => events.push(e), cancelled: () => false }, saved);
    expect(tf.memory().numTensors).toBe(before);
    expect(timeless(resumed)).toEqual(timeless(full.results));
    expect(resumed.seconds).toBeGreaterThan(saved.seconds);
    // The finished rounds are reported first, then the pruned track goes on at round 2 of 3 (index 1).
    expect(events.filter((e) => e.type === 'round-started').map((e) => e.type === 'round-started' && `${e.track}/${e.round}`)).toEqual(['pruned@0.5/1', 'pruned@0.5/2', 'svp/0', 'svp/1', 'svp/2']);
    expect(events.slice(1, 4).map((e) => e.type)).toEqual(['target-finished', 'round-finished', 'target-finished']);
  });

  it('puts the time so far in every checkpoint, so a run killed after one resumes with that time', async () => {
    const seen: number[] = [];
    await run(tiny, (e) => {
      if (e.type === 'checkpoint') seen.push(e.results.seconds);
      return false;
    });
    expect(seen.length).toBeGreaterThan(1);
    expect(seen[0]).toBeGreaterThan(0);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
  });

  it('keeps the fusion snapshot of a track that finished before the interruption', async () => {
    const config: RunConfig = { ...tiny, methods: ['prunefuse', 'svp'] };
    const full = await run(config);
    const partial = await run(config, (e) => e.type === 'round-started' && e.track === 'svp');
    expect(partial.results.complete).toBe(false);
    expect(partial.results.tracks[0]!.fusion).toBeDefined();
    const saved: RunResults = JSON.parse(JSON.stringify(partial.results));
    const resumed = await runExperiment(config, dataset, { backend: tf.getBackend(), emit: () => undefined, cancelled: () => false }, saved);
    expect(resumed.tracks[0]!.fusion).toEqual(full.results.tracks[0]!.fusion);
    expect(timeless(resumed)).toEqual(timeless(full.results));
  });

  it('refuses to resume results that do not match, saying which field differs', async () => {
    const { results } = await run({ ...tiny, methods: ['al'] }, (e) => e.type === 'round-finished');
    const host = { backend: tf.getBackend(), emit: () => undefined, cancelled: () => false };
    await expect(runExperiment({ ...tiny, methods: ['al'], epochs: 2 }, dataset, host, results)).rejects.toThrow('cannot resume: the setting epochs differs: 1 in the results, 2 here');
    await expect(runExperiment({ ...tiny, methods: ['al'] }, dataset, { ...host, backend: 'cpu' }, results)).rejects.toThrow(/the backend differs/);
    await expect(runExperiment({ ...tiny, methods: ['al'] }, dataset, host, { ...results, format: 1 } as unknown as RunResults)).rejects.toThrow(/format 1/);
  });
});

