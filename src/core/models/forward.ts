/**
 * The forward pass of a ResNet spec over tensors built from tfjs-core ops (tf.conv2d, not tfjs-layers,
 * so every gradient goes through the kernel registry and trainable wasm kernels can serve it).
 * Call it inside tf.tidy (or a gradient function); it creates intermediate tensors.
 */
import * as tf from '@tensorflow/tfjs-core';
import { batchNormInference, batchNormTraining, type BatchMoments } from './batchNorm.ts';
import { blockName, type ResNetSpec } from './spec.ts';
import { bnKey, FC_BIAS, kernelKey } from './weights.ts';

export type ParamTensors = Record<string, tf.Tensor>;

export interface ForwardResult {
  logits: tf.Tensor2D;
  /** Penultimate features (after global average pooling), [batch, width of the last stage]. */
  features: tf.Tensor2D;
  /** Training mode only: each batch-norm layer's batch mean and variance, by conv layer name. */
  moments: Record<string, BatchMoments>;
}

function get(params: ParamTensors, name: string): tf.Tensor {
  const t = params[name];
  if (!t) throw new Error(`missing weight '${name}'`);
  return t;
}

export function forward(spec: ResNetSpec, params: ParamTensors, x: tf.Tensor4D, training: boolean): ForwardResult {
  const moments: Record<string, BatchMoments> = {};
  const convBn = (input: tf.Tensor4D, layer: string, stride: number): tf.Tensor4D => {
    const z = tf.conv2d(input, get(params, kernelKey(layer)) as tf.Tensor4D, stride, 'same');
    const gamma = get(params, bnKey(layer, 'gamma'));
    const beta = get(params, bnKey(layer, 'beta'));
    if (!training) {
      return batchNormInference(z, get(params, bnKey(layer, 'mean')), get(params, bnKey(layer, 'variance')), gamma, beta);
    }
    const { y, moments: m } = batchNormTraining(z, gamma, beta);
    moments[layer] = m;
    return y;
  };

  let h = tf.relu(convBn(x, 'stem', 1));
  const bottleneck = spec.block === 'bottleneck';
  spec.stages.forEach((blocks, si) => {
    blocks.forEach((b, bi) => {
      const name = blockName(si, bi);
      let y: tf.Tensor4D = h;
      b.widths.forEach((_, ci) => {
        const stride = ci === (bottleneck ? 1 : 0) ? b.stride : 1;
        y = convBn(y, `${name}.conv${ci + 1}`, stride);
        if (ci < b.widths.length - 1) y = tf.relu(y);
      });
      const shortcut = b.projection ? convBn(h, `${name}.shortcut`, b.stride) : h;
      h = tf.relu(tf.add(y, shortcut));
    });
  });
  const features = tf.mean(h, [1, 2]) as tf.Tensor2D;
  const logits = tf.add(tf.matMul(features, get(params, kernelKey('fc')) as tf.Tensor2D), get(params, FC_BIAS)) as tf.Tensor2D;
  return { logits, features, moments };
}
