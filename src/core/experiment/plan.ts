/**
 * Which networks a run trains: one selector track per group of methods that select with the same network
 * (methods.ts lists them), each with its spec and seeded initial weights; pruned tracks carry the kept
 * channels that fusion needs.
 */
import { proxyModel, type RunConfig } from '../config/runConfig.ts';
import { countMacs, countParams } from '../models/count.ts';
import { resnetSpec } from '../models/resnet.ts';
import type { ResNetSpec } from '../models/spec.ts';
import { initWeights, type Weights } from '../models/weights.ts';
import type { KeptChannels } from '../prune/keptIndex.ts';
import { prune, type PruningGroup } from '../prune/prune.ts';
import type { NetworkInfo } from './events.ts';
import { planMethods, type MethodPlan } from './methods.ts';

export interface Track {
  id: string;
  spec: ResNetSpec;
  init: Weights;
  ratio?: number;
  kept?: KeptChannels;
  /** Pruned tracks: channel scores and kept channels per group. */
  pruning?: PruningGroup[];
  targets: MethodPlan[];
}

export interface Plan {
  dense: ResNetSpec;
  denseInit: Weights;
  tracks: Track[];
}

export const info = (spec: ResNetSpec, ratio?: number): NetworkInfo => ({
  model: spec.model, ...(ratio !== undefined ? { ratio } : {}), params: countParams(spec), macs: countMacs(spec),
});

export function planRun(config: RunConfig, inputShape: [number, number, number], numClasses: number): Plan {
  const shape = { inputShape, numClasses };
  const dense = resnetSpec(config.model, shape);
  const denseInit = initWeights(dense, config.seed);
  const byTrack = new Map<string, MethodPlan[]>();
  for (const m of planMethods(config)) byTrack.set(m.track, [...(byTrack.get(m.track) ?? []), m]);
  const tracks = [...byTrack.entries()].map(([id, targets]): Track => {
    const first = targets[0]!;
    if (first.ratio !== undefined) {
      const pruned = prune(dense, denseInit, { ratio: first.ratio, scope: config.scope, criterion: config.criterion });
      return { id, spec: pruned.spec, init: pruned.weights, ratio: first.ratio, kept: pruned.kept, pruning: pruned.groups, targets };
    }
    if (first.base === 'svp') {
      const proxy = resnetSpec(proxyModel(config), shape);
      return { id, spec: proxy, init: initWeights(proxy, config.seed), targets };
    }
    return { id, spec: dense, init: denseInit, targets };
  });
  return { dense, denseInit, tracks };
}
