/**
 * A network being trained: its spec, trainable variables (conv kernels, batch-norm gamma and beta,
 * classifier) and batch-norm running statistics (variables updated by the training step, not by
 * gradients). Built from plain weights; read back to plain weights asynchronously.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { ParamTensors } from '../models/forward.ts';
import type { ResNetSpec } from '../models/spec.ts';
import { readWeights } from '../models/params.ts';
import type { Weights } from '../models/weights.ts';

export interface Network {
  spec: ResNetSpec;
  /** Every weight by name (trainable and statistics), for the forward pass. */
  params: ParamTensors;
  trainable: Record<string, tf.Variable>;
  stats: Record<string, tf.Variable>;
}

export const isStatistic = (name: string): boolean => name.endsWith('.bn.mean') || name.endsWith('.bn.variance');

export function createNetwork(spec: ResNetSpec, weights: Weights): Network {
  const trainable: Record<string, tf.Variable> = {};
  const stats: Record<string, tf.Variable> = {};
  for (const [name, w] of Object.entries(weights)) {
    const stat = isStatistic(name);
    const initial = tf.tensor(w.values, w.shape, 'float32');
    (stat ? stats : trainable)[name] = tf.variable(initial, !stat, undefined, 'float32');
    initial.dispose();
  }
  return { spec, params: { ...trainable, ...stats }, trainable, stats };
}

export function readNetwork(net: Network): Promise<Weights> {
  return readWeights(net.params);
}

export function disposeNetwork(net: Network): void {
  for (const v of Object.values(net.params)) v.dispose();
}
