/**
 * Which networks a run trains. Methods that select with the same network share one selector track:
 * al (the dense model selects and is the final model), prunefuse@p and its ablations (the pruned model
 * at ratio p selects; targets are fused + KD, fused without KD, or the dense model from its own
 * initialisation), and svp (a smaller ResNet selects; the target trains from scratch).
 */
import { proxyModel, type MethodId, type RunConfig } from '../config/runConfig.ts';
import { countMacs, countParams } from '../models/count.ts';
import { resnetSpec } from '../models/resnet.ts';
import type { ResNetSpec } from '../models/spec.ts';
import { initWeights, type Weights } from '../models/weights.ts';
import type { KeptChannels } from '../prune/keptIndex.ts';
import { prune } from '../prune/prune.ts';
import type { NetworkInfo, TargetStart } from './events.ts';

export interface TargetPlan {
  method: string;
  base: MethodId;
  /** null: the selector itself is the target (al). */
  start: TargetStart | null;
  kd: boolean;
}

export interface Track {
  id: string;
  spec: ResNetSpec;
  init: Weights;
  ratio?: number;
  kept?: KeptChannels;
  targets: TargetPlan[];
}

export interface Plan {
  dense: ResNetSpec;
  denseInit: Weights;
  tracks: Track[];
}

export const info = (spec: ResNetSpec, ratio?: number): NetworkInfo => ({
  model: spec.model, ...(ratio !== undefined ? { ratio } : {}), params: countParams(spec), macs: countMacs(spec),
});

const PRUNEFUSE_VARIANTS: Array<{ base: MethodId; start: TargetStart; kd: boolean }> = [
  { base: 'prunefuse', start: 'fused', kd: true },
  { base: 'prunefuse-nokd', start: 'fused', kd: false },
  { base: 'prunefuse-nofuse', start: 'scratch', kd: false },
];

export function planRun(config: RunConfig, inputShape: [number, number, number], numClasses: number): Plan {
  const shape = { inputShape, numClasses };
  const dense = resnetSpec(config.model, shape);
  const denseInit = initWeights(dense, config.seed);
  const tracks: Track[] = [];
  if (config.methods.includes('al')) {
    tracks.push({ id: 'al', spec: dense, init: denseInit, targets: [{ method: 'al', base: 'al', start: null, kd: false }] });
  }
  const variants = PRUNEFUSE_VARIANTS.filter((v) => config.methods.includes(v.base));
  if (variants.length > 0) {
    for (const ratio of config.ratio) {
      const pruned = prune(dense, denseInit, { ratio, scope: config.scope, criterion: config.criterion });
      tracks.push({
        id: `pruned@${ratio}`, spec: pruned.spec, init: pruned.weights, ratio, kept: pruned.kept,
        targets: variants.map((v) => ({ method: `${v.base}@${ratio}`, ...v })),
      });
    }
  }
  if (config.methods.includes('svp')) {
    const proxy = resnetSpec(proxyModel(config), shape);
    tracks.push({ id: 'svp', spec: proxy, init: initWeights(proxy, config.seed), targets: [{ method: 'svp', base: 'svp', start: 'scratch', kd: false }] });
  }
  return { dense, denseInit, tracks };
}
