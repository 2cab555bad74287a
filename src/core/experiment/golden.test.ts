/**
 * The simulation's numbers, pinned: a tiny run of every method (wasm, single thread, synthetic data) must give
 * exactly the results recorded in fixtures/golden-tiny.json, times aside. Refactors of the engine (the labelling
 * oracle, the fusion snapshot) must leave every accuracy, cost and selection bit-identical. After a change that
 * is meant to change the numbers, rewrite it with UPDATE_GOLDEN=1 and say why in the commit.
 */
import * as tf from '@tensorflow/tfjs-core';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { trainOnWasm } from '../../testing/backends.ts';
import { syntheticDataset } from '../../testing/syntheticDataset.ts';
import { defaultConfig, type RunConfig } from '../config/runConfig.ts';
import type { RunResults } from './events.ts';
import { runExperiment } from './runExperiment.ts';

const FIXTURE = new URL('./fixtures/golden-tiny.json', import.meta.url);
const dataset = syntheticDataset({ train: 240, test: 40, size: 8 });
const config: RunConfig = {
  ...defaultConfig(),
  model: 'resnet8', pool: 200, test: 40, epochs: 2, batch: 16, budget: 0.2, seed: 3,
  methods: ['al', 'prunefuse', 'prunefuse-nokd', 'prunefuse-nofuse', 'svp'], metric: 'entropy',
};

/** The numbers only: measured times zeroed, optional extras a later format may add left out. */
function numbers(r: RunResults): unknown {
  const TIMES = new Set(['seconds', 'targetSeconds', 'cumulativeSelectionSeconds', 'startedAt']);
  // A track's fusion snapshot is such an extra (its own tests are in runExperiment.test.ts).
  const tracks = r.tracks.map(({ fusion: _, ...t }) => t);
  return JSON.parse(JSON.stringify({ config: r.config, fractions: r.fractions, initial: r.initial, tracks, methods: r.methods.map((m) => ({ method: m.method, rounds: m.rounds, curves: m.curves })) }, (k, v) => (TIMES.has(k) ? 0 : v)));
}

trainOnWasm();

describe('the simulation, pinned', () => {
  it('gives the recorded numbers for a fixed config and seed', async () => {
    const results = await runExperiment(config, dataset, { backend: 'wasm', emit: () => undefined, cancelled: () => false });
    const got = numbers(results);
    if (process.env.UPDATE_GOLDEN === '1' || !existsSync(FIXTURE)) {
      if (process.env.CI) throw new Error('fixtures/golden-tiny.json is missing: record it with UPDATE_GOLDEN=1 and commit it');
      writeFileSync(FIXTURE, `${JSON.stringify(got)}\n`);
    }
    expect(got).toEqual(JSON.parse(readFileSync(FIXTURE, 'utf8')));
  });
});
