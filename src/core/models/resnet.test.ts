import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { countMacs, countParams } from './count.ts';
import { forward } from './forward.ts';
import { disposeParams, toTensors } from './params.ts';
import { cifarResNet, MODEL_IDS, resnetSpec } from './resnet.ts';
import { checkSpec, convLayersOf } from './spec.ts';
import { initWeights, weightShapes } from './weights.ts';

describe('CIFAR ResNet specs', () => {
  it('have the published parameter counts', () => {
    // He et al. 2016 Table 6 (0.27M, 0.85M, 1.7M) with zero-padding shortcuts; our 1x1 projections add 2,752.
    expect(countParams(resnetSpec('resnet20'))).toBe(272_474);
    expect(countParams(resnetSpec('resnet56'))).toBe(855_770);
    expect(countParams(resnetSpec('resnet110'))).toBe(1_730_714);
    expect(Math.abs(countParams(resnetSpec('resnet164')) / 1.7e6 - 1)).toBeLessThan(0.03);
    expect(countParams(resnetSpec('resnet20', { numClasses: 100 }))).toBe(272_474 + 64 * 90 + 90);
  });

  it('count MACs from the spec (resnet20: 41 M, resnet56: 126 M)', () => {
    expect(countMacs(resnetSpec('resnet20')) / 1e6).toBeCloseTo(41.2, 0);
    expect(countMacs(resnetSpec('resnet56')) / 1e6).toBeCloseTo(125.7, 0);
  });

  it('has 6n+2 layers with weights for basic blocks and 9n+2 for bottlenecks', () => {
    for (const id of MODEL_IDS) {
      const spec = resnetSpec(id);
      const depth = Number(id.slice('resnet'.length));
      const main = convLayersOf(spec).filter((l) => !l.name.endsWith('shortcut')).length + 1;
      expect(main).toBe(depth);
    }
  });

  it('rejects bad arguments with an error naming them', () => {
    expect(() => resnetSpec('resnet21')).toThrow(/unknown model 'resnet21'/);
    expect(() => cifarResNet(21, 'basic')).toThrow(/depth must be 6n\+2/);
    expect(() => cifarResNet(20, 'basic', { numClasses: 1 })).toThrow(/numClasses/);
    expect(() => cifarResNet(20, 'basic', { inputShape: [32, 0, 3] })).toThrow(/inputShape\[1\]/);
    const spec = resnetSpec('resnet8');
    const bad = { ...spec, stages: spec.stages.map((s, i) => (i === 0 ? s.map((b) => ({ ...b, widths: [16, 15] })) : s)) };
    expect(() => checkSpec(bad)).toThrow(/s1\.b0: an identity shortcut/);
  });

  it('builds every model: logits [batch, classes], features [batch, last width]', () => {
    const before = tf.memory().numTensors;
    for (const id of MODEL_IDS) {
      const spec = resnetSpec(id, { inputShape: [8, 8, 3], numClasses: 7 });
      const params = toTensors(initWeights(spec, 1));
      const shapes = tf.tidy(() => {
        const out = forward(spec, params, tf.randomNormal([2, 8, 8, 3], 0, 1, 'float32', 1) as tf.Tensor4D, false);
        return [out.logits.shape, out.features.shape];
      });
      expect(shapes).toEqual([[2, 7], [2, spec.block === 'basic' ? 64 : 256]]);
      disposeParams(params);
    }
    for (const inputShape of [[28, 28, 1], [64, 64, 3]] as Array<[number, number, number]>) {
      const spec = resnetSpec('resnet8', { inputShape, numClasses: 10 });
      const params = toTensors(initWeights(spec, 1));
      const shape = tf.tidy(() => forward(spec, params, tf.zeros([1, ...inputShape]) as tf.Tensor4D, true).logits.shape);
      expect(shape).toEqual([1, 10]);
      disposeParams(params);
    }
    expect(tf.memory().numTensors).toBe(before);
  });

  it('initialises weights from the seed alone: He-normal convs, unit batch norm', () => {
    const spec = resnetSpec('resnet20');
    const a = initWeights(spec, 42);
    const b = initWeights(spec, 42);
    const c = initWeights(spec, 43);
    expect(Object.keys(a)).toEqual(weightShapes(spec).map(([n]) => n));
    expect(a['s2.b1.conv1.kernel']!.values).toEqual(b['s2.b1.conv1.kernel']!.values);
    expect(a['s2.b1.conv1.kernel']!.values).not.toEqual(c['s2.b1.conv1.kernel']!.values);
    const k = a['s3.b0.conv2.kernel']!.values;
    const std = Math.sqrt(k.reduce((s, v) => s + v * v, 0) / k.length);
    expect(std).toBeCloseTo(Math.sqrt(2 / (9 * 64)), 2);
    expect([...a['stem.bn.gamma']!.values].every((v) => v === 1)).toBe(true);
    expect([...a['stem.bn.mean']!.values].every((v) => v === 0)).toBe(true);
    // A known value pins the generator, so a change to the init shows up here first.
    expect(a['stem.kernel']!.values[0]).toMatchInlineSnapshot(`0.3082863986492157`);
  });
});
