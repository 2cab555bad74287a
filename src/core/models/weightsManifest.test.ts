import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { rng } from '../rng.ts';
import { forward } from './forward.ts';
import { disposeParams, toTensors } from './params.ts';
import { resnetSpec } from './resnet.ts';
import type { ResNetSpec } from './spec.ts';
import { initWeights, type Weights } from './weights.ts';
import { readWeightsManifest, writeWeightsManifest } from './weightsManifest.ts';

function logits(spec: ResNetSpec, weights: Weights, x: tf.Tensor4D): Float32Array {
  const params = toTensors(weights);
  const out = tf.tidy(() => forward(spec, params, x, false).logits);
  const values = out.dataSync() as Float32Array;
  out.dispose();
  disposeParams(params);
  return values;
}

describe('weights manifest', () => {
  it('writes a model that reads back to the same weights and identical logits', () => {
    const spec = resnetSpec('resnet8', { inputShape: [8, 8, 3], numClasses: 4 });
    const weights = initWeights(spec, 5);
    const { modelJson, bin } = writeWeightsManifest(spec, weights, 'model.weights.bin', { method: 'prunefuse@0.5' });
    // Through text and a copy of the bytes, as a file would carry them.
    const back = readWeightsManifest(JSON.parse(JSON.stringify(modelJson)), new Uint8Array(bin));
    expect(back.spec).toEqual(spec);
    for (const [name, w] of Object.entries(weights)) expect(back.weights[name]!.values).toEqual(w.values);
    const r = rng(1, 'x');
    const x = tf.tensor4d(Float32Array.from({ length: 2 * 8 * 8 * 3 }, () => r.normal()), [2, 8, 8, 3]);
    expect(logits(back.spec, back.weights, x)).toEqual(logits(spec, weights, x));
    x.dispose();
    expect(modelJson.weightsManifest[0]!.paths).toEqual(['model.weights.bin']);
  });

  it('refuses a .bin or manifest that does not fit the spec', () => {
    const spec = resnetSpec('resnet8', { inputShape: [8, 8, 3], numClasses: 4 });
    const { modelJson, bin } = writeWeightsManifest(spec, initWeights(spec, 5), 'w.bin');
    expect(() => readWeightsManifest(modelJson, bin.slice(0, bin.length - 4))).toThrow(/the .bin has \d+ bytes, the manifest needs \d+/);
    expect(() => readWeightsManifest({ ...modelJson, format: 'x' }, bin)).toThrow(/not a PruneFuse Lab model.json/);
    const other = resnetSpec('resnet14', { inputShape: [8, 8, 3], numClasses: 4 });
    expect(() => readWeightsManifest({ ...modelJson, modelTopology: other }, bin)).toThrow(/does not match the ResNet spec/);
  });
});
