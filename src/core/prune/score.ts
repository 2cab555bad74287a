/** Channel importance at initialisation: the L2 norm of each output channel's filter. */
import { convLayersOf, type ResNetSpec } from '../models/spec.ts';
import { kernelKey, type Weights } from '../models/weights.ts';
import type { ChannelGroup } from './groups.ts';

/** L2 norm of every output filter of a [kh, kw, in, out] kernel. */
export function filterNorms(kernel: { shape: number[]; values: Float32Array }): Float64Array {
  const out = kernel.shape[kernel.shape.length - 1]!;
  const sq = new Float64Array(out);
  const v = kernel.values;
  for (let i = 0; i < v.length; i++) sq[i % out]! += v[i]! * v[i]!;
  return sq.map(Math.sqrt);
}

/** A group's channel scores: the mean, over its members, of each channel's filter norm. */
export function groupScores(weights: Weights, group: ChannelGroup): Float64Array {
  const scores = new Float64Array(group.width);
  for (const m of group.members) {
    const k = weights[kernelKey(m)];
    if (!k) throw new Error(`missing weight '${kernelKey(m)}'`);
    filterNorms(k).forEach((n, i) => (scores[i]! += n / group.members.length));
  }
  return scores;
}

/** Checks that weights match the spec's conv layers (used before scoring). */
export function checkKernels(spec: ResNetSpec, weights: Weights): void {
  for (const c of convLayersOf(spec)) {
    const k = weights[kernelKey(c.name)];
    const want = [c.k, c.k, c.inC, c.outC];
    if (!k || k.shape.join() !== want.join()) {
      throw new Error(`weight '${kernelKey(c.name)}' has shape [${k?.shape.join(', ') ?? 'missing'}], the spec needs [${want.join(', ')}]`);
    }
  }
}
