/**
 * Momentum SGD with (PyTorch-style, coupled) weight decay and optional Nesterov momentum:
 *   g = grad + wd * w;  v = momentum * v + g;  w -= lr * (nesterov ? g + momentum * v : v)
 * The velocity buffers are variables owned by the optimiser; dispose() frees them. On wasm each
 * parameter's update is one kernel (src/core/kernels/sgdMomentum.ts, the same bits as the ops below).
 */
import * as tf from '@tensorflow/tfjs-core';
import { hasSgdMomentumKernel, SGD_MOMENTUM, type SgdMomentumAttrs } from '../kernels/sgdMomentum.ts';

export interface SgdOptions {
  momentum: number;
  weightDecay: number;
  nesterov: boolean;
}

export class Sgd {
  private readonly velocity = new Map<string, tf.Variable>();

  constructor(readonly options: SgdOptions) {}

  /** Applies one update. `grads` are disposed by the caller. */
  apply(vars: Record<string, tf.Variable>, grads: Record<string, tf.Tensor>, lr: number): void {
    const { momentum, weightDecay, nesterov } = this.options;
    const fused = hasSgdMomentumKernel(tf.getBackend(), tf.backend());
    const attrs: SgdMomentumAttrs = { lr, momentum, weightDecay, nesterov };
    tf.tidy(() => {
      for (const [name, w] of Object.entries(vars)) {
        const grad = grads[name];
        if (!grad) continue;
        let v = this.velocity.get(name);
        if (!v) {
          v = tf.variable(tf.zerosLike(w), false);
          this.velocity.set(name, v);
        }
        if (fused) {
          const [wNew, vNew] = tf.engine().runKernel(SGD_MOMENTUM, { w, v, grad }, attrs as unknown as tf.NamedAttrMap) as tf.Tensor[];
          v.assign(vNew!);
          w.assign(wNew!);
          continue;
        }
        const g = weightDecay !== 0 ? tf.add(grad, tf.mul(w, weightDecay)) : grad;
        const vNew = tf.add(tf.mul(v, momentum), g);
        v.assign(vNew);
        const update = nesterov ? tf.add(g, tf.mul(vNew, momentum)) : vNew;
        w.assign(tf.sub(w, tf.mul(update, lr)));
      }
    });
  }

  dispose(): void {
    for (const v of this.velocity.values()) v.dispose();
    this.velocity.clear();
  }
}
