/** Moving weights between plain data and tfjs tensors. Reads are asynchronous (see PLATFORM.md on mapAsync). */
import * as tf from '@tensorflow/tfjs-core';
import type { ParamTensors } from './forward.ts';
import type { Weights } from './weights.ts';

export function toTensors(weights: Weights): ParamTensors {
  const out: ParamTensors = {};
  for (const [name, w] of Object.entries(weights)) out[name] = tf.tensor(w.values, w.shape, 'float32');
  return out;
}

export async function readWeights(params: ParamTensors): Promise<Weights> {
  const entries = await Promise.all(
    Object.entries(params).map(async ([name, t]) => [name, { shape: t.shape.slice(), values: (await t.data()) as Float32Array }] as const),
  );
  return Object.fromEntries(entries);
}

export function disposeParams(params: ParamTensors): void {
  for (const t of Object.values(params)) t.dispose();
}
