/**
 * What the method views show: the pruning of the run on screen (live at each checkpoint, saved, imported,
 * shared or an example), read from its results; or, before any run (or for a run without a pruned
 * selector), the pruning the current settings give, computed by the pruning worker.
 */
import { useMemo } from 'react';
import type { ResNetSpec } from '../../core/models/spec.ts';
import type { FusionSnapshot } from '../../core/fuse/snapshot.ts';
import { specOf, type InitKey, type PruningRequest } from '../../core/prune/preview.ts';
import type { PruningGroup } from '../../core/prune/prune.ts';
import type { RunResults } from '../../core/experiment/events.ts';
import { useDeferredLab } from '../useDeferredLab.ts';
import { matchesDataset } from '../../store/datasetMatch.ts';

/** One pruned selector of a recorded run. */
export interface RecordedPruning {
  ratio: number;
  track: string;
  groups: PruningGroup[];
  fusion: FusionSnapshot | null;
}

/** `net`: the dense network and its seed (what its initial weights depend on). */
export type MethodSource =
  | { origin: 'recorded'; net: InitKey; scope: string; pruned: RecordedPruning[] }
  | { origin: 'settings'; net: InitKey; request: PruningRequest; note: string | null };

/** The pruned selectors a run recorded (tracks with a pruning record), in ratio order. */
export function recordedPruning(results: RunResults): RecordedPruning[] {
  return results.tracks
    .filter((t) => t.pruning && t.selector.ratio !== undefined)
    .map((t) => ({ ratio: t.selector.ratio!, track: t.id, groups: t.pruning!, fusion: t.fusion ?? null }))
    .sort((a, b) => a.ratio - b.ratio);
}

export function useMethodSource(): MethodSource {
  const { results, config, shape, classes } = useDeferredLab((s) => {
    const d = s.datasets.list.find((x) => matchesDataset(x, s.config.dataset));
    return { results: s.metrics.results, config: s.config, shape: d?.imageShape, classes: d?.classes };
  });
  const pruned = useMemo(() => (results ? recordedPruning(results) : []), [results]);
  if (results && pruned.length > 0) {
    const c = results.config;
    // The input's shape is not recorded; the layers shown past the stem do not depend on it.
    return { origin: 'recorded', net: { model: c.model, seed: c.seed, numClasses: results.dataset.classes }, scope: c.scope, pruned };
  }
  const net: InitKey = { model: config.model, seed: config.seed, ...(shape ? { inputShape: shape } : {}), ...(classes ? { numClasses: classes } : {}) };
  const request: PruningRequest = { ...net, ratios: config.ratio, scope: config.scope, criterion: config.criterion };
  const note = results ? 'The run on screen has no pruned selector (no PruneFuse method), so this shows the current settings.' : null;
  return { origin: 'settings', net, request, note };
}

/** The dense spec of a source's network (its input shape and classes where known). */
export function useSpec(net: InitKey): ResNetSpec {
  // The spec does not depend on the seed: a new seed keeps the same spec object.
  const key = JSON.stringify({ ...net, seed: 0 });
  return useMemo(() => specOf(JSON.parse(key) as InitKey), [key]);
}
