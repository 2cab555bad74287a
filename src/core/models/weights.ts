/**
 * Weights as plain data ({shape, values}), so they can be sliced (pruning), scattered (fusion) and sent
 * across a worker boundary without tensors. Names: `<layer>.kernel` ([kh, kw, in, out] for convs,
 * [in, out] for the classifier), `<conv>.bn.{gamma,beta,mean,variance}` and `fc.bias`.
 */
import { Rng } from '../rng.ts';
import { layersOf, type ResNetSpec } from './spec.ts';

export interface TensorData {
  shape: number[];
  values: Float32Array;
}

export type Weights = Record<string, TensorData>;

export const BN_FIELDS = ['gamma', 'beta', 'mean', 'variance'] as const;
export type BnField = (typeof BN_FIELDS)[number];

export const kernelKey = (layer: string): string => `${layer}.kernel`;
export const bnKey = (layer: string, field: BnField): string => `${layer}.bn.${field}`;
export const FC_BIAS = 'fc.bias';

/** Every weight's name and shape, in forward order. */
export function weightShapes(spec: ResNetSpec): Array<[name: string, shape: number[]]> {
  const out: Array<[string, number[]]> = [];
  for (const l of layersOf(spec)) {
    if (l.kind === 'dense') {
      out.push([kernelKey(l.name), [l.inF, l.outF]], [FC_BIAS, [l.outF]]);
    } else {
      out.push([kernelKey(l.name), [l.k, l.k, l.inC, l.outC]]);
      for (const f of BN_FIELDS) out.push([bnKey(l.name, f), [l.outC]]);
    }
  }
  return out;
}

export const sizeOf = (shape: readonly number[]): number => shape.reduce((a, b) => a * b, 1);

/**
 * Seeded initialisation, one named sub-stream per weight (so it does not depend on iteration order):
 * convs He-normal (std sqrt(2 / fan_in), fan_in = k*k*in); batch norm gamma 1, beta 0, mean 0,
 * variance 1; classifier kernel and bias uniform(+-1/sqrt(in)) as PyTorch's nn.Linear.
 */
export function initWeights(spec: ResNetSpec, seed: number): Weights {
  const root = new Rng(seed, 'init');
  const weights: Weights = {};
  const fcIn = weightShapes(spec).find(([n]) => n === kernelKey('fc'))![1][0]!;
  for (const [name, shape] of weightShapes(spec)) {
    const values = new Float32Array(sizeOf(shape));
    const r = root.fork(name);
    if (name.startsWith('fc.')) {
      const bound = 1 / Math.sqrt(fcIn);
      for (let i = 0; i < values.length; i++) values[i] = r.uniform(-bound, bound);
    } else if (name.endsWith('.kernel')) {
      const std = Math.sqrt(2 / (shape[0]! * shape[1]! * shape[2]!));
      for (let i = 0; i < values.length; i++) values[i] = r.normal() * std;
    } else if (name.endsWith('.gamma') || name.endsWith('.variance')) {
      values.fill(1);
    }
    weights[name] = { shape, values };
  }
  return weights;
}
