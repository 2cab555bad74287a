/**
 * Pruning and fusion as the lab shows them before (or without) a run: from a model, its input and a seed, the
 * seeded initialisation's channel scores and kept channels at each ratio, and the initial kernel norms of the
 * layers the fusion view shows. Pure and tfjs-free, so it runs in a small worker; the initial weights of the
 * last model asked for are kept, since a ratio or scope change does not change them.
 */
import { layerNorms, type KernelNorms } from '../fuse/snapshot.ts';
import { resnetSpec } from '../models/resnet.ts';
import type { ResNetSpec } from '../models/spec.ts';
import { initWeights, type Weights } from '../models/weights.ts';
import { keptChannelsOf, narrowSpec, pruningGroups, type PruneScope, type PruningCriterion, type PruningGroup } from './prune.ts';
import { summaryOf, type PruningSummary } from './summary.ts';

/** The network and initialisation: what the initial weights depend on. */
export interface InitKey {
  model: string;
  seed: number;
  /** [height, width, channels]; default CIFAR's. */
  inputShape?: [number, number, number];
  numClasses?: number;
}

export interface PruningRequest extends InitKey {
  ratios: number[];
  scope: PruneScope;
  criterion: PruningCriterion;
}

export interface RatioPruning {
  ratio: number;
  groups: PruningGroup[];
}

export const specOf = (key: InitKey): ResNetSpec =>
  resnetSpec(key.model, { ...(key.inputShape ? { inputShape: key.inputShape } : {}), ...(key.numClasses ? { numClasses: key.numClasses } : {}) });

export class InitCache {
  private key = '';
  private weights: Weights | null = null;

  /** The seeded initial weights of `key`'s network (recomputed only when the key changes). */
  weightsOf(key: InitKey, spec: ResNetSpec): Weights {
    const id = JSON.stringify([key.model, key.seed, spec.inputShape, spec.numClasses]);
    if (id !== this.key || !this.weights) {
      this.weights = initWeights(spec, key.seed);
      this.key = id;
    }
    return this.weights;
  }
}

export function previewPruning(request: PruningRequest, cache = new InitCache()): RatioPruning[] {
  const spec = specOf(request);
  const weights = cache.weightsOf(request, spec);
  return request.ratios.map((ratio) => ({ ratio, groups: pruningGroups(spec, weights, { ratio, scope: request.scope, criterion: request.criterion }) }));
}

/** What each ratio means for the network (pruningSummary), from the cached initialisation: global scope needs one. */
export function previewSummaries(request: PruningRequest, cache = new InitCache()): PruningSummary[] {
  const dense = specOf(request);
  return previewPruning(request, cache).map(({ ratio, groups }) => summaryOf(dense, narrowSpec(dense, keptChannelsOf(groups)), ratio, request.scope));
}

/** The initial kernel norms of the fusion view's layers (what every entry fusion does not overwrite holds). */
export function initialNorms(key: InitKey, cache = new InitCache()): KernelNorms[] {
  const spec = specOf(key);
  return layerNorms(spec, cache.weightsOf(key, spec));
}
