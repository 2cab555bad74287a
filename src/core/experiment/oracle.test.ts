import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { trainOnWasm } from '../../testing/backends.ts';
import { syntheticDataset } from '../../testing/syntheticDataset.ts';
import { defaultConfig, type RunConfig } from '../config/runConfig.ts';
import { runExperiment } from './runExperiment.ts';

const dataset = syntheticDataset({ train: 240, test: 40, size: 8 });
const config: RunConfig = { ...defaultConfig(), model: 'resnet8', pool: 200, test: 40, epochs: 1, batch: 16, budget: 0.2, methods: ['al', 'prunefuse'] };

trainOnWasm();

describe('the oracle', () => {
  it('is asked for exactly the images the run labels, each once, and its answers are what trains', async () => {
    const asked: number[][] = [];
    const truth = (images: readonly number[]) => images.map((i) => dataset.train.labels[i]!);
    const results = await runExperiment(config, dataset, {
      backend: 'wasm', emit: () => undefined, cancelled: () => false,
      label: async (images) => (asked.push([...images]), truth(images)),
    });
    const labelled = [...results.initial, ...results.tracks.flatMap((t) => t.selections.flatMap((s) => s.images))];
    expect(asked.flat().sort((a, b) => a - b)).toEqual([...new Set(labelled)].sort((a, b) => a - b));
    expect(asked[0]).toEqual(results.initial);

    // Another oracle (labels shifted by one class) changes what the networks learn.
    const shifted = await runExperiment(config, dataset, {
      backend: 'wasm', emit: () => undefined, cancelled: () => false,
      label: async (images) => truth(images).map((l) => (l + 1) % dataset.classes.length),
    });
    expect(shifted.methods[0]!.rounds.map((r) => r.selectorAccuracy)).not.toEqual(results.methods[0]!.rounds.map((r) => r.selectorAccuracy));
  });

  it('stops the run with a message when an answer is not a label', async () => {
    const before = tf.memory().numTensors;
    const results = await runExperiment(config, dataset, { backend: 'wasm', emit: () => undefined, cancelled: () => false, label: async (images) => images.map(() => 7) });
    expect(results.complete).toBe(false);
    expect(results.stopped).toMatch(/the oracle gave the label 7 for image \d+; labels are 0..3/);
    expect(tf.memory().numTensors).toBe(before);
  });
});
