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

describe('parseResults: the optional pruning and fusion snapshot of a track', () => {
  const pruned = {
    id: 'pruned@0.5', selector: { model: 'resnet20', ratio: 0.5, params: 1, macs: 1 }, selections: [],
    pruning: [{ members: ['stem', 's1.b0.conv2'], scores: [1.5, 2.5], kept: [1] }],
  };
  const fusion = { round: 1, layers: [{ layer: 's1.b0.conv1', rows: 2, cols: 2, norms: [0.5, 1.25, 0, 2] }] };
  const withTrack = (track: object) => JSON.stringify({ ...valid, tracks: [...valid.tracks, track] });

  it('reads a file with a snapshot, and one without (written before snapshots)', () => {
    expect(parseResults(withTrack({ ...pruned, fusion })).tracks[1]!.fusion).toEqual(fusion);
    const old = parseResults(withTrack(pruned));
    expect(old.tracks[1]!.fusion).toBeUndefined();
    expect(old.tracks[1]!.pruning![0]!.kept).toEqual([1]);
  });

  it('names a broken snapshot or pruning record', () => {
    const layer = fusion.layers[0]!;
    expect(() => parseResults(withTrack({ ...pruned, fusion: { layers: [] } }))).toThrow('the fusion snapshot of track pruned@0.5 lacks its round or layers');
    expect(() => parseResults(withTrack({ ...pruned, fusion: { round: 1, layers: [{ ...layer, rows: 0 }] } }))).toThrow(/has a layer without its name or size/);
    expect(() => parseResults(withTrack({ ...pruned, fusion: { round: 1, layers: [{ ...layer, norms: [1, 2, 3] }] } }))).toThrow('layer s1.b0.conv1 needs 4 non-negative norms');
    expect(() => parseResults(withTrack({ ...pruned, fusion: { round: 1, layers: [{ ...layer, norms: [1, 2, 3, -1] }] } }))).toThrow(/needs 4 non-negative norms/);
    expect(() => parseResults(withTrack({ ...pruned, pruning: [{ members: ['stem'], scores: [1, 2], kept: [2] }] }))).toThrow(/scores or kept channels are not valid/);
    expect(() => parseResults(withTrack({ ...pruned, pruning: [{ members: [], scores: [1], kept: [0] }] }))).toThrow(/group without member layers/);
  });
});
