/**
 * A labelling session as plain data (saved as it goes, exported as a session file): the imported images'
 * names, the classes, what the person said of each image, the order in which the selector asked, the batch
 * being labelled, and the estimates so far. Pure functions move it on; the pixels and models are kept apart.
 */
import { UNKNOWN_LABEL } from '../experiment/oracle.ts';
import type { ImageRole, LabellingSettings, QueuedImage } from './labellingTypes.ts';

export const SESSION_FORMAT = 1;

export interface SessionSettings extends LabellingSettings {
  /** Input size of the model (images were cut to size x size). */
  size: number;
  lambda: number;
  T: number;
}

/** One answered batch: the images in the order asked, and what was said of each. */
export interface AnsweredBatch {
  round: number;
  /** 'random' for the first batch; else the metric that ranked it. */
  by: string;
  images: number[];
  labels: number[];
  holdout: boolean[];
}

export interface Estimate {
  round: number;
  /** Training labels the selector had, and its accuracy on `holdout` held-out labels. */
  trainedOn: number;
  holdout: number;
  accuracy: number;
  /** Trained on every training label (the selector's), or on the randomly picked ones only (the baseline). */
  labels: 'chosen' | 'random';
}

export interface LabellingSession {
  format: typeof SESSION_FORMAT;
  id: string;
  name: string;
  createdAt: string;
  settings: SessionSettings;
  classes: string[];
  names: string[];
  channels: 1 | 3;
  labels: number[];
  roles: ImageRole[];
  /** The batch being labelled: the queue, what was said so far (UNKNOWN_LABEL: not yet; SKIPPED: skipped). */
  batch: { round: number; by: string; queue: QueuedImage[]; answers: number[] } | null;
  answered: AnsweredBatch[];
  estimates: Estimate[];
  final: { estimate: Omit<Estimate, 'round' | 'labels'> | null; at: string } | null;
  /** The round whose selector is training on the labels closed so far (rerun on resume), or null. */
  pending: number | null;
}

/** An answer meaning "skip / not sure": the image is set aside and not asked again. */
export const SKIPPED = -2;

export function newSession(id: string, name: string, settings: SessionSettings, classes: string[], names: string[], channels: 1 | 3, known: ArrayLike<number>): LabellingSession {
  if (classes.length < 2) throw new RangeError('a labelling session needs at least two classes');
  const labels = Array.from(known);
  return {
    format: SESSION_FORMAT, id, name, createdAt: new Date().toISOString(), settings, classes, names, channels,
    labels, roles: labels.map((l) => (l >= 0 ? 'train' : 'unlabelled')), batch: null, answered: [], estimates: [], final: null, pending: null,
  };
}

/** Starts labelling a queue (the first random batch, or a round's). */
export function queueBatch(s: LabellingSession, round: number, by: string, queue: QueuedImage[]): LabellingSession {
  return { ...s, batch: { round, by, queue, answers: queue.map(() => UNKNOWN_LABEL) } };
}

/** The person's answer for the k-th image of the batch: a class index, or SKIPPED. */
export function answer(s: LabellingSession, k: number, label: number): LabellingSession {
  if (!s.batch || k < 0 || k >= s.batch.queue.length) throw new RangeError(`no image ${k + 1} in this batch`);
  if (label !== SKIPPED && (!Number.isInteger(label) || label < 0 || label >= s.classes.length)) throw new RangeError(`${label} is not a class (0..${s.classes.length - 1})`);
  const answers = [...s.batch.answers];
  answers[k] = label;
  return { ...s, batch: { ...s.batch, answers } };
}

/** Takes back the answer of the k-th image (Backspace). */
export function unanswer(s: LabellingSession, k: number): LabellingSession {
  if (!s.batch || k < 0 || k >= s.batch.queue.length) return s;
  return { ...s, batch: { ...s.batch, answers: s.batch.answers.map((a, i) => (i === k ? UNKNOWN_LABEL : a)) } };
}

/** How far the batch is: answered of all. */
export function batchProgress(s: LabellingSession): { answered: number; total: number } {
  return { answered: s.batch?.answers.filter((a) => a !== UNKNOWN_LABEL).length ?? 0, total: s.batch?.queue.length ?? 0 };
}

/**
 * Closes the batch: answered images become training or held-out labels, skipped ones are set aside, and
 * images not answered yet go back to the pool (the next round may ask again). A batch with no answer leaves
 * no record.
 */
export function closeBatch(s: LabellingSession): LabellingSession {
  if (!s.batch) return s;
  const labels = [...s.labels];
  const roles = [...s.roles];
  const done: AnsweredBatch = { round: s.batch.round, by: s.batch.by, images: [], labels: [], holdout: [] };
  s.batch.queue.forEach((q, k) => {
    const a = s.batch!.answers[k]!;
    if (a === UNKNOWN_LABEL) return;
    done.images.push(q.image);
    done.labels.push(a);
    done.holdout.push(q.holdout);
    if (a === SKIPPED) roles[q.image] = 'skipped';
    else {
      labels[q.image] = a;
      roles[q.image] = q.holdout ? 'holdout' : 'train';
    }
  });
  return { ...s, labels, roles, batch: null, answered: done.images.length > 0 ? [...s.answered, done] : s.answered };
}

/** Counts of labels by role, for the screen's summary. */
export function roleCounts(s: LabellingSession): Record<ImageRole, number> {
  const out: Record<ImageRole, number> = { unlabelled: 0, train: 0, holdout: 0, skipped: 0 };
  for (const r of s.roles) out[r] += 1;
  return out;
}

/** How random batches are recorded in `by`: the first, and those labelled while the selector trains. */
export const RANDOM = 'random';

/** Closes the batch and marks the selector's round as training on what is labelled now. */
export function startRound(s: LabellingSession): LabellingSession {
  const closed = closeBatch(s);
  return { ...closed, pending: closed.answered.length };
}

/**
 * A round's outcome arrived: what was labelled meanwhile is closed, the estimate recorded, and the
 * selector's queue (less the images labelled meanwhile) becomes the batch.
 */
export function finishRound(s: LabellingSession, round: number, by: string, estimates: ReadonlyArray<Omit<Estimate, 'round'>>, queue: QueuedImage[]): LabellingSession {
  const closed = closeBatch(s);
  const fresh = queue.filter((q) => closed.roles[q.image] === 'unlabelled');
  return { ...queueBatch(closed, round, by, fresh), estimates: [...closed.estimates, ...estimates.map((e) => ({ round, ...e }))], pending: null };
}

/** Labels a selector trains on and is judged by: the training and held-out images, with their labels. */
export function labelledCount(s: LabellingSession): number {
  return s.roles.filter((r) => r === 'train' || r === 'holdout').length;
}

/** Training labels that came from random batches (not held out, not skipped): the random-selection baseline's. */
export function randomTrainingLabels(s: LabellingSession): number[] {
  return s.answered.filter((b) => b.by === RANDOM).flatMap((b) => b.images.filter((image, k) => !b.holdout[k] && b.labels[k]! >= 0 && s.roles[image] === 'train'));
}
