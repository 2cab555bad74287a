/**
 * A small record of what fusion wrote, for the lab's fusion view: for a few representative conv layers,
 * the L2 norm of every k x k kernel of the dense weight matrix (rows = output channels, columns = input
 * channels) right after fusion. The entries at kept rows and kept columns came from the trained pruned
 * network; the rest keep their initialisation. Which are which follows from the track's pruning record.
 */
import { convLayersOf, type ConvLayer, type ResNetSpec } from '../models/spec.ts';
import { kernelKey, type TensorData, type Weights } from '../models/weights.ts';

/** Layers wider than this (rows or columns) are left out, to keep results files small. */
export const FUSION_MAX_SIDE = 64;
/** Significant digits kept of each norm. */
export const FUSION_DIGITS = 4;

export interface KernelNorms {
  layer: string;
  /** Output channels. */
  rows: number;
  /** Input channels. */
  cols: number;
  /** norms[row * cols + col]: the L2 norm of the kernel from input channel col to output channel row. */
  norms: number[];
}

export interface FusionSnapshot {
  /** The round whose fusion this is (the last round of the run). */
  round: number;
  layers: KernelNorms[];
}

/** The representative layers: per stage, the first 3x3 conv of its first block, if at most 64 x 64. */
export function fusionLayers(spec: ResNetSpec): ConvLayer[] {
  const conv = spec.block === 'bottleneck' ? 'conv2' : 'conv1';
  const names = new Set(spec.stages.map((_, si) => `s${si + 1}.b0.${conv}`));
  return convLayersOf(spec).filter((l) => names.has(l.name) && l.inC <= FUSION_MAX_SIDE && l.outC <= FUSION_MAX_SIDE);
}

export const roundDigits = (x: number, digits = FUSION_DIGITS): number => (x === 0 ? 0 : Number(x.toPrecision(digits)));

/** The L2 norm of every k x k kernel of a [kh, kw, in, out] weight, as [out][in], row-major. */
export function kernelNorms(kernel: TensorData): Float64Array {
  if (kernel.shape.length !== 4) throw new RangeError(`a conv kernel has 4 axes, got [${kernel.shape.join(', ')}]`);
  const [kh, kw, cin, cout] = kernel.shape as [number, number, number, number];
  const sq = new Float64Array(cout * cin);
  const v = kernel.values;
  for (let p = 0; p < kh * kw; p++) {
    for (let i = 0; i < cin; i++) {
      const base = (p * cin + i) * cout;
      for (let o = 0; o < cout; o++) sq[o * cin + i]! += v[base + o]! ** 2;
    }
  }
  return sq.map(Math.sqrt);
}

/** The rounded kernel norms of the representative layers of `weights` (a network of `spec`'s shape). */
export function layerNorms(spec: ResNetSpec, weights: Weights): KernelNorms[] {
  return fusionLayers(spec).map((l) => {
    const k = weights[kernelKey(l.name)];
    if (!k) throw new Error(`missing weight '${kernelKey(l.name)}'`);
    return { layer: l.name, rows: l.outC, cols: l.inC, norms: Array.from(kernelNorms(k), (x) => roundDigits(x)) };
  });
}

export function fusionSnapshot(spec: ResNetSpec, fused: Weights, round: number): FusionSnapshot {
  return { round, layers: layerNorms(spec, fused) };
}
