/**
 * Random batches of the labelling mode, without a trained selector: the first batch, and the images the
 * person labels while the selector trains. A share of each is held out for the honest estimate. Also the
 * default batch size: 2% of the images, at least 5 per class when the classes are known.
 */
import { UNKNOWN_LABEL } from '../experiment/oracle.ts';
import { rng } from '../rng.ts';
import type { ImageRole, LabellingSettings, LabellingState, QueuedImage } from './labellingTypes.ts';

export const indicesOf = (roles: readonly ImageRole[], role: ImageRole): number[] => roles.flatMap((r, i) => (r === role ? [i] : []));

/** `settings.batchSize` unlabelled images in seeded random order (the stream named by `round`), the first ones held out. */
export function randomBatch(state: Pick<LabellingState, 'roles' | 'round'>, settings: Pick<LabellingSettings, 'seed' | 'batchSize' | 'holdoutShare'>): QueuedImage[] {
  const unlabelled = indicesOf(state.roles, 'unlabelled');
  const r = rng(settings.seed).fork(`labelling/random/${state.round}`);
  const order = r.permutation(unlabelled.length);
  const n = Math.min(settings.batchSize, unlabelled.length);
  const holdout = Math.round(n * settings.holdoutShare);
  return Array.from({ length: n }, (_, k) => ({ image: unlabelled[order[k]!]!, score: null, holdout: k < holdout, guess: UNKNOWN_LABEL }));
}

/** 2% of the images, at least 5 per class, at most all of them. */
export function defaultBatchSize(images: number, classes: number): number {
  return Math.max(1, Math.min(images, Math.max(Math.ceil(images * 0.02), 5 * classes)));
}
