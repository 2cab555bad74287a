/**
 * Parameter and MAC counts from a spec alone (no tensors). Parameters are the trainable ones
 * (conv kernels, batch-norm gamma and beta, classifier kernel and bias), as PyTorch counts them;
 * batch-norm running statistics are buffers, not parameters. MACs are the multiply-accumulates of
 * the convolutions and the classifier for one image; batch norm, ReLU, additions and pooling are
 * left out (under 1% of the total for these networks).
 */
import { layersOf, type ResNetSpec } from './spec.ts';

declare const paramsBrand: unique symbol;
declare const macsBrand: unique symbol;
/** A count of trainable parameters. */
export type Params = number & { readonly [paramsBrand]: true };
/** Multiply-accumulate operations (1 MAC = 2 FLOPs). */
export type Macs = number & { readonly [macsBrand]: true };

export interface LayerCost {
  name: string;
  params: Params;
  macs: Macs;
}

export function layerCosts(spec: ResNetSpec): LayerCost[] {
  return layersOf(spec).map((l) => {
    if (l.kind === 'dense') {
      return { name: l.name, params: (l.inF * l.outF + l.outF) as Params, macs: (l.inF * l.outF) as Macs };
    }
    const kernel = l.k * l.k * l.inC * l.outC;
    return { name: l.name, params: (kernel + 2 * l.outC) as Params, macs: (kernel * l.outH * l.outW) as Macs };
  });
}

export function countParams(spec: ResNetSpec): Params {
  return layerCosts(spec).reduce((s, l) => s + l.params, 0) as Params;
}

export function countMacs(spec: ResNetSpec): Macs {
  return layerCosts(spec).reduce((s, l) => s + l.macs, 0) as Macs;
}
