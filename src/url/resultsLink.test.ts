import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../core/config/runConfig.ts';
import type { RunResults } from '../core/experiment/events.ts';
import { decodeResults, encodeResults, MAX_RESULTS_CHARS, resultsInHash } from './resultsLink.ts';

const results = {
  format: 2, config: defaultConfig(), backend: 'wasm', complete: true, fractions: [0.02], initial: [1, 2],
  dataset: { id: 'd', name: 'D', poolSize: 100, testSize: 50, classes: 10 }, startedAt: 'x', seconds: 1,
  methods: [{ method: 'al', base: 'al', track: 'al', start: null, kd: false, selector: { model: 'resnet20', params: 1, macs: 1 }, target: { model: 'resnet20', params: 1, macs: 1 }, curves: [], rounds: [{ round: 0, labeled: 2, fraction: 0.02, selectorAccuracy: 0.31 }] }],
  tracks: [{ id: 'al', selector: { model: 'resnet20', params: 1, macs: 1 }, selections: [] }],
} as unknown as RunResults;

describe('results in a link', () => {
  it('round-trips through the hash', async () => {
    const packed = await encodeResults(results);
    expect(packed).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(resultsInHash(`#results=${packed}`)).toBe(packed);
    expect(await decodeResults(packed)).toEqual(results);
  });

  it('says when a link is tampered with or cut short', async () => {
    const packed = await encodeResults(results);
    await expect(decodeResults(packed.slice(0, packed.length / 2))).rejects.toThrow(/damaged or cut short/);
    await expect(decodeResults(`${packed.slice(0, 10)}!${packed.slice(11)}`)).rejects.toThrow(/damaged or cut short|base64url/);
    await expect(decodeResults('AAAA')).rejects.toThrow(/damaged or cut short/);
  });

  it('refuses results too large for a link', async () => {
    const big = { ...results, initial: Array.from({ length: 200_000 }, (_, i) => (i * 7919) % 100_003) };
    await expect(encodeResults(big)).rejects.toThrow(`at most ${MAX_RESULTS_CHARS / 1000} kB`);
  });
});
