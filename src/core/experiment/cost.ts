/**
 * Cost accounting in FLOPs, from the model specs. 1 MAC = 2 FLOPs. A training pass over one image costs
 * 3x its forward pass (forward, plus a backward pass of about twice the forward: gradients with respect
 * to activations and to weights), the usual convention (Kaplan et al. 2020; SVP). Scoring is one
 * forward pass per pool image; k-center ranking costs 3 * dim FLOPs per distance evaluation
 * (subtract, square, accumulate).
 */
import { countMacs } from '../models/count.ts';
import type { ResNetSpec } from '../models/spec.ts';

declare const flopsBrand: unique symbol;
export type Flops = number & { readonly [flopsBrand]: true };

export const TRAIN_FACTOR = 3;

export const forwardFlops = (spec: ResNetSpec, images: number): Flops => (2 * countMacs(spec) * images) as Flops;

export const trainingFlops = (spec: ResNetSpec, images: number, epochs: number): Flops =>
  (TRAIN_FACTOR * forwardFlops(spec, images * epochs)) as Flops;

export const rankingFlops = (dim: number, distanceEvaluations: number): Flops => (3 * dim * distanceEvaluations) as Flops;

export const addFlops = (...parts: Flops[]): Flops => parts.reduce((a, b) => a + b, 0) as Flops;
