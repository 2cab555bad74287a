import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../config/runConfig.ts';
import type { RunResults } from './events.ts';
import { parseResults, ResultsFileError } from './resultsFile.ts';

const valid: RunResults = {
  format: 2, config: defaultConfig(), backend: 'wasm', complete: true, fractions: [0.02, 0.1], initial: [3, 1],
  dataset: { id: 'cifar10-subset', name: 'CIFAR-10', poolSize: 100, testSize: 50, classes: 10 },
  methods: [{
    method: 'al', base: 'al', track: 'al', start: null, kd: false,
    selector: { model: 'resnet20', params: 1, macs: 1 }, target: { model: 'resnet20', params: 1, macs: 1 },
    rounds: [{ round: 0, labeled: 2, fraction: 0.02, selectorAccuracy: 0.1, selectionFlops: 1 as never, cumulativeSelectionFlops: 1 as never, targetFlops: 0 as never, seconds: { train: 1, inference: 0, ranking: 0 }, cumulativeSelectionSeconds: 1, targetSeconds: 0 }],
    curves: [],
  }],
  tracks: [{ id: 'al', selector: { model: 'resnet20', params: 1, macs: 1 }, selections: [{ round: 0, images: [5, 7], scores: [0.9, 0.8] }] }],
  startedAt: '2026-12-01T00:00:00.000Z', seconds: 12,
};
const text = JSON.stringify(valid);

describe('parseResults', () => {
  it('reads a valid results file back', () => {
    expect(parseResults(text)).toEqual(valid);
  });

  it('names the problem of a truncated, malformed, newer or older file', () => {
    expect(() => parseResults(text.slice(0, 200))).toThrow(/not valid JSON .*truncated/);
    expect(() => parseResults('hello')).toThrow(/not valid JSON/);
    expect(() => parseResults('[]')).toThrow('not a PruneFuse Lab results file: the top level is not an object');
    expect(() => parseResults(JSON.stringify({ ...valid, format: 3 }))).toThrow('results format 3 is newer than this lab reads (2); update the lab');
    expect(() => parseResults(JSON.stringify({ ...valid, format: undefined }))).toThrow(/format 1 is older/);
    expect(() => parseResults(JSON.stringify({ ...valid, methods: [] }))).toThrow('`methods` is missing or empty');
    expect(() => parseResults(JSON.stringify({ ...valid, config: { ...valid.config, epochs: 0 } }))).toThrow(/config is invalid \(epochs/);
    expect(() => parseResults(JSON.stringify({ ...valid, tracks: [{ id: 'al', selections: [{ round: 0, images: ['x'] }] }] }))).toThrow(/selection of track al/);
    expect(() => parseResults('{}')).toThrow(ResultsFileError);
  });
});
