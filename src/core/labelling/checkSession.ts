/**
 * Checking a labelling session against the images it travels with. sessionProblems reads a session that
 * came from outside (a session file): every field the screen and the rounds index by. It returns what is
 * wrong, one line each, naming the field (`labels[5] is 7, ...`), so the person reads exactly why a file is
 * refused; [] when it is sound.
 */
import { UNKNOWN_LABEL } from '../experiment/oracle.ts';
import type { ImageRole } from './selectorRound.ts';
import { SESSION_FORMAT, SKIPPED, type LabellingSession } from './session.ts';

/** The pixels of a session's images (src/storage/db.ts StoredLabellingImages less its id). */
export interface SessionImages {
  count: number;
  size: number;
  channels: 1 | 3;
  /** count * size * size * channels bytes, HWC. */
  pixels: Uint8Array;
}

/** Throws a RangeError unless there is one image per name and the pixels are as many bytes as they say. */
export function checkImages(session: LabellingSession, images: SessionImages): void {
  const { count, size, channels, pixels } = images;
  if (count !== session.names.length) throw new RangeError(`the images hold ${count} images, the session names ${session.names.length}`);
  if (pixels.length !== count * size * size * channels) throw new RangeError(`the images hold ${pixels.length} bytes, ${count} images of ${size}x${size}x${channels} need ${count * size * size * channels}`);
}

const ROLES: readonly ImageRole[] = ['unlabelled', 'train', 'holdout', 'skipped'];

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const show = (v: unknown) => (typeof v === 'string' ? `'${v}'` : JSON.stringify(v) ?? String(v));
const isIndex = (v: unknown, n: number) => Number.isInteger(v) && (v as number) >= 0 && (v as number) < n;

/** The first entries of `list` that fail `ok`, as `field[i] is v, <what it should be>` (and how many more). */
function badEntries(field: string, list: unknown[], ok: (v: unknown, i: number) => boolean, should: string): string[] {
  const bad = list.flatMap((v, i) => (ok(v, i) ? [] : [i]));
  if (bad.length === 0) return [];
  const first = bad.slice(0, 3).map((i) => `${field}[${i}] is ${show(list[i])}`).join(', ');
  return [`${first}${bad.length > 3 ? ` (and ${bad.length - 3} more)` : ''}: ${should}`];
}

/** An array of `count` entries, or a line saying what it is instead. */
function sized(field: string, v: unknown, count: number, problems: string[]): v is unknown[] {
  if (!Array.isArray(v)) problems.push(`${field} is missing or not a list`);
  else if (v.length !== count) problems.push(`${field} has ${v.length} entries for ${count} images`);
  else return true;
  return false;
}

export function sessionProblems(s: unknown, images: { count: number; size: number; channels: number }): string[] {
  if (!isObj(s)) return ['the session is missing or not an object'];
  const problems: string[] = [];
  if (s.format !== SESSION_FORMAT) problems.push(`the session has format ${show(s.format)}; this lab reads format ${SESSION_FORMAT}`);
  for (const f of ['id', 'name', 'createdAt']) if (typeof s[f] !== 'string') problems.push(`${f} is missing or not text`);
  if (!isObj(s.settings)) problems.push('settings is missing');
  else if (s.settings.size !== images.size) problems.push(`settings.size is ${show(s.settings.size)} but the images are ${images.size}x${images.size}`);
  if (s.channels !== images.channels) problems.push(`channels is ${show(s.channels)} but the images have ${images.channels}`);
  const classes = Array.isArray(s.classes) && s.classes.every((c) => typeof c === 'string') ? s.classes.length : -1;
  if (classes < 2) problems.push('classes must be a list of at least two names');
  const C = Math.max(classes, 0);
  const classRange = `a class is 0..${C - 1}`;

  if (sized('names', s.names, images.count, problems)) problems.push(...badEntries('names', s.names, (v) => typeof v === 'string', 'names are text'));
  const labels = sized('labels', s.labels, images.count, problems) ? s.labels : null;
  if (labels) problems.push(...badEntries('labels', labels, (v) => v === UNKNOWN_LABEL || isIndex(v, C), `${classRange}, or ${UNKNOWN_LABEL} for none`));
  if (sized('roles', s.roles, images.count, problems)) {
    const roles = s.roles;
    problems.push(...badEntries('roles', roles, (v) => ROLES.includes(v as ImageRole), `a role is one of ${ROLES.join(', ')}`));
    if (labels) problems.push(...badEntries('labels', labels, (v, i) => (roles[i] !== 'train' && roles[i] !== 'holdout') || v !== UNKNOWN_LABEL, 'a training or held-out image needs a class'));
  }

  const answer = (v: unknown) => v === UNKNOWN_LABEL || v === SKIPPED || isIndex(v, C);
  if (s.batch !== null) {
    const b = s.batch;
    if (!isObj(b) || !Array.isArray(b.queue) || !Array.isArray(b.answers)) problems.push('batch is neither null nor a batch with a queue and answers');
    else if (b.answers.length !== b.queue.length) problems.push(`batch.answers has ${b.answers.length} entries for ${b.queue.length} queued images`);
    else {
      problems.push(...badEntries('batch.queue', b.queue, (q) => isObj(q) && isIndex(q.image, images.count) && typeof q.holdout === 'boolean', `a queued image is {image: 0..${images.count - 1}, holdout, ...}`));
      problems.push(...badEntries('batch.answers', b.answers, answer, `${classRange}, ${UNKNOWN_LABEL} (not yet) or ${SKIPPED} (skipped)`));
    }
  }
  if (!Array.isArray(s.answered)) problems.push('answered is missing or not a list');
  else {
    problems.push(...badEntries('answered', s.answered, (a) => {
      if (!isObj(a) || !Array.isArray(a.images) || !Array.isArray(a.labels) || !Array.isArray(a.holdout)) return false;
      const n = a.images.length;
      return a.labels.length === n && a.holdout.length === n && a.images.every((i) => isIndex(i, images.count)) && a.labels.every(answer);
    }, 'an answered batch has images (indices of images), labels (classes or skipped) and holdout, one each'));
  }
  if (!Array.isArray(s.estimates)) problems.push('estimates is missing or not a list');
  if (s.final !== null && !(isObj(s.final) && typeof s.final.at === 'string')) problems.push('final is neither null nor {estimate, at}');
  if (s.pending !== null && !(Number.isInteger(s.pending) && (s.pending as number) >= 0)) problems.push('pending is neither null nor a round number');
  return problems;
}
