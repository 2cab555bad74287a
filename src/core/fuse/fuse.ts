/**
 * Fusion: the trained pruned network flows back into the untrained dense one. Every weight of the
 * pruned network is written at its kept positions in a copy of the dense weights (conv kernels at
 * [kept out] x [kept in], batch-norm gamma, beta and running statistics at the kept channels, the
 * classifier rows of the kept features and the whole classifier bias); every other weight keeps its
 * initial value.
 */
import type { ResNetSpec } from '../models/spec.ts';
import type { Weights } from '../models/weights.ts';
import { scatter, weightAxisIndices, type KeptChannels } from '../prune/keptIndex.ts';

export function fuse(denseSpec: ResNetSpec, denseUntrained: Weights, prunedTrained: Weights, kept: KeptChannels): Weights {
  const axes = weightAxisIndices(denseSpec, kept);
  const fused: Weights = {};
  for (const [name, dense] of Object.entries(denseUntrained)) {
    const part = prunedTrained[name];
    const idx = axes[name];
    if (!idx) throw new Error(`dense weight '${name}' is not part of the spec`);
    if (!part) throw new Error(`the pruned network has no weight '${name}'`);
    fused[name] = scatter(dense, part, idx);
  }
  for (const name of Object.keys(axes)) if (!fused[name]) throw new Error(`the dense network has no weight '${name}'`);
  return fused;
}
