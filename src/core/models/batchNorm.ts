/**
 * Batch normalisation over NHWC activations. Inference mode uses the running statistics; training mode
 * normalises with the batch's own mean and (biased) variance and returns them so the trainer can update
 * the running statistics (PyTorch's convention: momentum 0.1, unbiased variance in the running value).
 *
 * Written for speed on every backend, wasm above all (see src/core/kernels):
 * - per-channel means over N, H, W are an average pool over each image (XNNPACK on wasm) and a mean over
 *   the images, instead of a transpose and a reduction (a product with a row of ones would make XNNPACK
 *   repack the whole activation as weights, at every call);
 * - per-channel affine maps x * a + b are a 1x1 depthwise conv with bias (one XNNPACK pass, where
 *   wasm's batchNorm and broadcast multiply/add are scalar loops);
 * - training mode has a closed-form gradient (tf.customGrad), no gradient through tf.moments (whose
 *   broadcasts become Tile):
 *     dx = gamma * rstd * (dy - mean(dy) - xhat * mean(dy * xhat)),  xhat = (x - mean) * rstd,
 *     dgamma = sum(dy * xhat),  dbeta = sum(dy).
 */
import * as tf from '@tensorflow/tfjs-core';

export const BN_EPSILON = 1e-5;

export interface BatchMoments {
  mean: tf.Tensor1D;
  variance: tf.Tensor1D;
}

/** Mean over N, H and W: [N, H, W, C] -> [C]. */
function channelMean(x: tf.Tensor4D): tf.Tensor1D {
  const [n, h, w, c] = x.shape;
  const perImage = tf.avgPool(x, [h, w], 1, 'valid');
  return tf.reshape(n === 1 ? perImage : tf.mean(tf.reshape(perImage, [n, c]), 0), [c]);
}

/** x * scale + shift per channel (last axis), as a 1x1 depthwise conv; no shift when null. */
function affine(x: tf.Tensor4D, scale: tf.Tensor1D, shift: tf.Tensor1D | null): tf.Tensor4D {
  const filter = tf.reshape(scale, [1, 1, scale.size, 1]) as tf.Tensor4D;
  if (shift === null) return tf.depthwiseConv2d(x, filter, 1, 'valid');
  return tf.fused.depthwiseConv2d({ x, filter, strides: 1, pad: 'valid', bias: shift });
}

export function batchNormInference(
  x: tf.Tensor4D, mean: tf.Tensor, variance: tf.Tensor, gamma: tf.Tensor, beta: tf.Tensor,
): tf.Tensor4D {
  return tf.tidy(() => {
    const scale = tf.mul(gamma, tf.rsqrt(tf.add(variance, BN_EPSILON))) as tf.Tensor1D;
    const shift = tf.sub(beta, tf.mul(mean, scale)) as tf.Tensor1D;
    return affine(x, tf.reshape(scale, [-1]), tf.reshape(shift, [-1]));
  });
}

export function batchNormTraining(
  x: tf.Tensor4D, gamma: tf.Tensor, beta: tf.Tensor,
): { y: tf.Tensor4D; moments: BatchMoments } {
  const channels = x.shape[3];
  // The statistics are constants to the normalisation below (its gradient accounts for them), and only
  // the running averages use them, so no gradient flows through these ops.
  const mean = channelMean(x);
  const centered = affine(x, tf.onesLike(mean), tf.neg(mean));
  const variance = channelMean(tf.square(centered));
  const rstd = tf.rsqrt(tf.add(variance, BN_EPSILON)) as tf.Tensor1D;

  // Inputs: x (only to put y on the tape as a function of x), gamma, beta, and the save function.
  const normalize = tf.customGrad((...args: Array<tf.Tensor | tf.GradSaveFunc>) => {
    const [, gammaIn, betaIn, save] = args as [tf.Tensor, tf.Tensor, tf.Tensor, tf.GradSaveFunc];
    const g = tf.reshape(gammaIn, [channels]) as tf.Tensor1D;
    save([centered, rstd, g]);
    const value: tf.Tensor4D = affine(centered, tf.mul(g, rstd), tf.reshape(betaIn, [channels]));
    const gradFunc = (dy: tf.Tensor4D, saved: tf.Tensor[]): tf.Tensor[] => {
      const [c, r, gm] = saved as [tf.Tensor4D, tf.Tensor1D, tf.Tensor1D];
      const count = dy.size / channels;
      const meanDy = channelMean(dy);
      const meanDyC = channelMean(tf.mul(dy, c));
      const a = tf.mul(gm, r) as tf.Tensor1D;
      // dx = dy * a + centered * b + s with b = -a r^2 mean(dy * centered), s = -a mean(dy).
      const b = tf.neg(tf.mul(tf.mul(a, tf.square(r)), meanDyC)) as tf.Tensor1D;
      const s = tf.neg(tf.mul(a, meanDy)) as tf.Tensor1D;
      const dx = tf.add(affine(dy, a, null), affine(c, b, s));
      const dGamma = tf.mul(tf.mul(meanDyC, r), count);
      const dBeta = tf.mul(meanDy, count);
      return [dx, tf.reshape(dGamma, gammaIn.shape), tf.reshape(dBeta, betaIn.shape)];
    };
    return { value, gradFunc };
  });
  const y = normalize(x, gamma, beta) as tf.Tensor4D;
  return { y, moments: { mean, variance } };
}
