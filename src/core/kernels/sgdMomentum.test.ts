import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { Sgd } from '../train/sgd.ts';
import { onBackend, prepareBackends, randomValues } from '../../testing/backends.ts';
import { hasSgdMomentumKernel } from './sgdMomentum.ts';

beforeAll(prepareBackends);

/** The update rule as separate tfjs ops, as Sgd runs it where the kernel is missing. */
function opsUpdate(w: tf.Tensor, v: tf.Tensor, grad: tf.Tensor, lr: number, momentum: number, wd: number, nesterov: boolean): [tf.Tensor, tf.Tensor] {
  return tf.tidy(() => {
    const g = wd !== 0 ? tf.add(grad, tf.mul(w, wd)) : grad;
    const vNew = tf.add(tf.mul(v, momentum), g);
    const update = nesterov ? tf.add(g, tf.mul(vNew, momentum)) : vNew;
    return [tf.sub(w, tf.mul(update, lr)), vNew];
  });
}

describe('the momentum-SGD kernel on wasm', () => {
  for (const [nesterov, wd] of [[true, 5e-4], [false, 5e-4], [true, 0]] as const) {
    it(`gives the same bits as the separate ops (nesterov ${nesterov}, wd ${wd}) over three steps, and leaks nothing`, async () => {
      await onBackend('wasm', async () => {
        expect(hasSgdMomentumKernel('wasm', tf.backend())).toBe(true);
        const shape = [3, 3, 5, 7];
        const w = tf.variable(tf.tensor(randomValues(shape, 1, 'w'), shape), true, 'w');
        const sgd = new Sgd({ momentum: 0.9, weightDecay: wd, nesterov });
        let refW: tf.Tensor = tf.clone(w);
        let refV: tf.Tensor = tf.zerosLike(w);
        let tensors = -1;
        for (let step = 0; step < 3; step++) {
          const grad = tf.tensor(randomValues(shape, 2 + step, 'grad'), shape);
          if (step === 1) tensors = tf.memory().numTensors;
          sgd.apply({ w }, { w: grad }, 0.1);
          if (step >= 1) expect(tf.memory().numTensors).toBe(tensors);
          const [nextW, nextV] = opsUpdate(refW, refV, grad, 0.1, 0.9, wd, nesterov);
          tf.dispose([refW, refV, grad]);
          refW = nextW;
          refV = nextV;
          expect(Array.from(await w.data())).toEqual(Array.from(await refW.data()));
        }
        tf.dispose([w, refW, refV]);
        sgd.dispose();
      });
    });
  }

  it('is not used on cpu (the ops run there)', () => {
    expect(hasSgdMomentumKernel('cpu', tf.backend())).toBe(false);
  });
});
