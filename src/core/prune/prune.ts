/**
 * Structured channel pruning at initialisation. Scores every output channel by its filter's L2 norm
 * (residual groups by the mean over their members), keeps floor(c * (1 - p)) channels (at least one)
 * of each layer or group, and returns a physically narrower network: its spec, its weights sliced from
 * the dense initialisation, and the kept-channel map that fusion needs.
 *
 * scope 'uniform' (the paper's) keeps the same fraction of every layer. scope 'global' ranks the
 * channels of all layers and groups together (each channel of a group counts once, with its group
 * score) and keeps the best sum(floor(c * (1 - p))) of them, at least one per layer or group.
 */
import type { ResNetSpec } from '../models/spec.ts';
import type { Weights } from '../models/weights.ts';
import { channelGroups, type ChannelGroup } from './groups.ts';
import { gather, weightAxisIndices, type KeptChannels } from './keptIndex.ts';
import { checkKernels, groupScores } from './score.ts';

export type PruneScope = 'uniform' | 'global';
export const PRUNING_CRITERIA = ['l2'] as const;
export type PruningCriterion = (typeof PRUNING_CRITERIA)[number];

export interface PruneOptions {
  /** Channel pruning ratio p in [0, 1): the fraction of each layer's channels removed. */
  ratio: number;
  scope?: PruneScope;
  criterion?: PruningCriterion;
}

export interface PrunedNetwork {
  spec: ResNetSpec;
  weights: Weights;
  kept: KeptChannels;
  /** Every residual group (or single layer): its member layers, each channel's score, the kept channels. */
  groups: PruningGroup[];
}

export interface PruningGroup {
  members: string[];
  scores: number[];
  kept: number[];
}

export function keptCount(width: number, ratio: number): number {
  return Math.max(1, Math.floor(width * (1 - ratio) + 1e-9));
}

export function checkRatio(ratio: number): number {
  if (!Number.isFinite(ratio) || ratio < 0 || ratio >= 1) throw new RangeError(`pruning ratio must be in [0, 1), got ${ratio}`);
  return ratio;
}

/** Indices of the `k` highest scores, ties to the lower index, returned in ascending order. */
export function topK(scores: ArrayLike<number>, k: number): number[] {
  const order = Array.from({ length: scores.length }, (_, i) => i);
  order.sort((a, b) => scores[b]! - scores[a]! || a - b);
  return order.slice(0, k).sort((a, b) => a - b);
}

function globalCounts(groups: ChannelGroup[], scores: Float64Array[], ratio: number): number[] {
  const budget = groups.reduce((s, g) => s + keptCount(g.width, ratio), 0);
  const all: Array<{ g: number; score: number; i: number }> = [];
  scores.forEach((s, g) => s.forEach((score, i) => all.push({ g, score, i })));
  all.sort((a, b) => b.score - a.score || a.g - b.g || a.i - b.i);
  const counts = groups.map(() => 1);
  let used = groups.length;
  const taken = groups.map(() => new Set<number>());
  scores.forEach((s, g) => taken[g]!.add(topK(s, 1)[0]!));
  for (const c of all) {
    if (used >= budget) break;
    if (taken[c.g]!.has(c.i)) continue;
    taken[c.g]!.add(c.i);
    counts[c.g]!++;
    used++;
  }
  return counts;
}

export function narrowSpec(dense: ResNetSpec, kept: KeptChannels): ResNetSpec {
  const width = (layer: string): number => {
    const k = kept[layer];
    if (!k) throw new Error(`kept-channel map has no entry for layer '${layer}'`);
    return k.length;
  };
  return {
    ...dense,
    inputShape: [...dense.inputShape],
    stem: width('stem'),
    stages: dense.stages.map((blocks, si) =>
      blocks.map((b, bi) => ({ ...b, widths: b.widths.map((_, ci) => width(`s${si + 1}.b${bi}.conv${ci + 1}`)) })),
    ),
  };
}

/** Which channels pruning keeps, without building the pruned network: every group's scores and kept channels. */
export function pruningGroups(dense: ResNetSpec, weights: Weights, options: PruneOptions): PruningGroup[] {
  const ratio = checkRatio(options.ratio);
  const scope = options.scope ?? 'uniform';
  if (scope !== 'uniform' && scope !== 'global') throw new RangeError(`prune scope must be 'uniform' or 'global', got '${String(scope)}'`);
  if ((options.criterion ?? 'l2') !== 'l2') throw new RangeError(`unknown pruning criterion '${String(options.criterion)}'`);
  checkKernels(dense, weights);
  const groups = channelGroups(dense);
  const scores = groups.map((g) => groupScores(weights, g));
  const counts = scope === 'uniform' ? groups.map((g) => keptCount(g.width, ratio)) : globalCounts(groups, scores, ratio);
  return groups.map((g, gi) => ({ members: [...g.members], scores: Array.from(scores[gi]!), kept: topK(scores[gi]!, counts[gi]!) }));
}

/** The kept channels of every member layer of the groups. */
export function keptChannelsOf(groups: readonly PruningGroup[]): KeptChannels {
  const kept: KeptChannels = {};
  for (const g of groups) for (const m of g.members) kept[m] = g.kept;
  return kept;
}

export function prune(dense: ResNetSpec, weights: Weights, options: PruneOptions): PrunedNetwork {
  const record = pruningGroups(dense, weights, options);
  const kept = keptChannelsOf(record);
  const spec = narrowSpec(dense, kept);
  const axes = weightAxisIndices(dense, kept);
  const pruned: Weights = {};
  for (const [name, idx] of Object.entries(axes)) {
    const w = weights[name];
    if (!w) throw new Error(`missing weight '${name}'`);
    pruned[name] = gather(w, idx);
  }
  return { spec, weights: pruned, kept, groups: record };
}
