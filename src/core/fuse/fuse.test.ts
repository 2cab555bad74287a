import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { forward } from '../models/forward.ts';
import { disposeParams, toTensors } from '../models/params.ts';
import { resnetSpec } from '../models/resnet.ts';
import type { ResNetSpec } from '../models/spec.ts';
import { initWeights, type Weights } from '../models/weights.ts';
import { rng } from '../rng.ts';
import { gather, weightAxisIndices } from '../prune/keptIndex.ts';
import { prune } from '../prune/prune.ts';
import { fuse } from './fuse.ts';

/** Stands in for training: every pruned weight moved by noise, statistics kept valid. */
function perturb(w: Weights, seed: number): Weights {
  const r = rng(seed, 'perturb');
  const out: Weights = {};
  for (const [name, t] of Object.entries(w)) {
    const values = t.values.map((v) => (name.endsWith('.variance') ? 0.5 + r.float() : v + 0.3 * r.normal()));
    out[name] = { shape: t.shape, values };
  }
  return out;
}

/** A dense network whose every weight is zero, batch-norm variance one. */
function zeroed(spec: ResNetSpec): Weights {
  const w = initWeights(spec, 0);
  for (const [name, t] of Object.entries(w)) t.values.fill(name.endsWith('.variance') ? 1 : 0);
  return w;
}

function logits(spec: ResNetSpec, w: Weights, x: tf.Tensor4D): Float32Array {
  const params = toTensors(w);
  const out = tf.tidy(() => forward(spec, params, x, false).logits);
  disposeParams(params);
  const v = out.dataSync() as Float32Array;
  out.dispose();
  return v;
}

describe('fuse', () => {
  for (const model of ['resnet20', 'resnet56']) {
    for (const ratio of [0.5, 0.7]) {
      it(`is exact: fused ${model} at p=${ratio} over a zero dense network gives the pruned logits`, () => {
        const before = tf.memory().numTensors;
        const dense = resnetSpec(model, { inputShape: [16, 16, 3] });
        const pruned = prune(dense, initWeights(dense, 5), { ratio });
        const trained = perturb(pruned.weights, 9);
        const fused = fuse(dense, zeroed(dense), trained, pruned.kept);
        const x = tf.randomNormal([4, 16, 16, 3], 0, 1, 'float32', 2) as tf.Tensor4D;
        const a = logits(pruned.spec, trained, x);
        const b = logits(dense, fused, x);
        x.dispose();
        const scale = Math.max(...a.map(Math.abs));
        expect(scale).toBeGreaterThan(1e-3);
        for (let i = 0; i < a.length; i++) expect(Math.abs(a[i]! - b[i]!)).toBeLessThan(1e-4 * Math.max(1, scale));
        expect(tf.memory().numTensors).toBe(before);
      });
    }
  }

  it('writes only the kept positions; everything else keeps its initial value', () => {
    const dense = resnetSpec('resnet20');
    const init = initWeights(dense, 3);
    const pruned = prune(dense, init, { ratio: 0.5 });
    const trained = perturb(pruned.weights, 4);
    const fused = fuse(dense, init, trained, pruned.kept);
    const axes = weightAxisIndices(dense, pruned.kept);
    for (const name of Object.keys(init)) {
      expect(gather(fused[name]!, axes[name]!).values).toEqual(trained[name]!.values);
    }
    // s1.b0.conv1 keeps 8 of 16 outputs and 8 of 16 inputs: 3/4 of its kernel is untouched.
    const k = 's1.b0.conv1.kernel';
    const changed = fused[k]!.values.filter((v, i) => v !== init[k]!.values[i]).length;
    expect(changed).toBe(3 * 3 * 8 * 8);
    expect(init[k]!.values).not.toBe(fused[k]!.values);
  });

  it('rejects a pruned network that does not fit the map', () => {
    const dense = resnetSpec('resnet20');
    const init = initWeights(dense, 3);
    const a = prune(dense, init, { ratio: 0.5 });
    const b = prune(dense, init, { ratio: 0.7 });
    expect(() => fuse(dense, init, b.weights, a.kept)).toThrow(/pruned weight has shape/);
    const { ['fc.bias']: _, ...missing } = a.weights;
    expect(() => fuse(dense, init, missing, a.kept)).toThrow(/no weight 'fc.bias'/);
  });
});
