/**
 * What a pruning ratio means for a network, for tables and the lab's live read-out: the channel ratio p
 * is not the parameter or MAC ratio (those shrink about (1 - p)^2, since both a layer's inputs and
 * outputs are pruned).
 */
import { countMacs, countParams, type Macs, type Params } from '../models/count.ts';
import { convLayersOf, type ResNetSpec } from '../models/spec.ts';
import { initWeights } from '../models/weights.ts';
import { channelGroups } from './groups.ts';
import { checkRatio, keptCount, narrowSpec, prune, type PruneScope } from './prune.ts';
import type { KeptChannels } from './keptIndex.ts';

export interface PruningSummary {
  model: string;
  ratio: number;
  scope: PruneScope;
  params: Params;
  macs: Macs;
  denseParams: Params;
  denseMacs: Macs;
  /** params / denseParams and macs / denseMacs. */
  paramRatio: number;
  macRatio: number;
  /** Kept output channels of every conv layer, by layer name. */
  widths: Record<string, number>;
  /** Kept width of each stage's residual group (the stage's output width). */
  stageWidths: number[];
}

/**
 * The pruned spec at a ratio. Uniform pruning's widths do not depend on the weights, so no weights are
 * needed; global pruning ranks the channels of a seeded initialisation.
 */
export function prunedSpec(dense: ResNetSpec, ratio: number, scope: PruneScope = 'uniform', seed = 0): ResNetSpec {
  checkRatio(ratio);
  if (scope === 'global') return prune(dense, initWeights(dense, seed), { ratio, scope }).spec;
  const kept: KeptChannels = {};
  for (const g of channelGroups(dense)) {
    const k = Array.from({ length: keptCount(g.width, ratio) }, (_, i) => i);
    for (const m of g.members) kept[m] = k;
  }
  return narrowSpec(dense, kept);
}

export function pruningSummary(dense: ResNetSpec, ratio: number, scope: PruneScope = 'uniform', seed = 0): PruningSummary {
  return summaryOf(dense, prunedSpec(dense, ratio, scope, seed), ratio, scope);
}

/** The summary of a pruned spec (`spec`, pruned from `dense` at `ratio`). */
export function summaryOf(dense: ResNetSpec, spec: ResNetSpec, ratio: number, scope: PruneScope): PruningSummary {
  const [params, macs] = [countParams(spec), countMacs(spec)];
  const [denseParams, denseMacs] = [countParams(dense), countMacs(dense)];
  const widths = Object.fromEntries(convLayersOf(spec).map((l) => [l.name, l.outC]));
  const stageWidths = spec.stages.map((blocks) => blocks[blocks.length - 1]!.widths.at(-1)!);
  return {
    model: dense.model, ratio, scope, params, macs, denseParams, denseMacs,
    paramRatio: params / denseParams, macRatio: macs / denseMacs, widths, stageWidths,
  };
}
