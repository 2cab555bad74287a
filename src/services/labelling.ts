/**
 * The labelling mode's work on the page: importing the person's images (through the labelling worker),
 * starting, opening and deleting sessions, recording each answer (saved at once, so a closed tab loses
 * nothing), and the rounds: when a batch is answered, the pruned selector trains in the worker while the
 * person labels random images (they feed the held-out estimate); its queue, hardest first, then becomes the
 * next batch. Finish fuses and distils the dense model. A reload resumes a round that had not delivered.
 */
import * as Comlink from 'comlink';
import { UNKNOWN_LABEL } from '../core/experiment/oracle.ts';
import { defaultConfig } from '../core/config/runConfig.ts';
import type { FinalModel } from '../core/labelling/finish.ts';
import { defaultBatchSize, randomBatch } from '../core/labelling/randomBatch.ts';
import type { RoundOutcome } from '../core/labelling/selectorRound.ts';
import { answer, closeBatch, finishRound, newSession, queueBatch, RANDOM, randomTrainingLabels, startRound, unanswer, type Estimate, type LabellingSession, type SessionSettings } from '../core/labelling/session.ts';
import { parseClassNames, type UnlabelledImages } from '../core/labelling/unlabelledImport.ts';
import type { ImportFile } from '../protocol/workerProtocol.ts';
import { createSession, deleteSession, listSessions, loadImages, loadSession, saveModel, saveSession } from '../storage/labellingDb.ts';
import { labellingActions, nextOpen, useLabelling, type WorkerActivity } from '../store/labellingStore.ts';
import { watchLifeLock } from './lifeLock.ts';
import { pageClaimFlag } from './pageClaim.ts';
import { claimSession, releaseSession } from './sessionLock.ts';
import { describeQuotaError, errorText, quotaMessage, requestPersistentStorage, storageEstimate } from './storageQuota.ts';
import type { LabelsNow, LabellingWorkerApi } from '../../workers/labelling.worker.ts';

/** The model input the images are cut to (shorter side to SIZE, centred square). */
export const DEFAULT_SIZE = 32;

let worker: { w: Worker; remote: Comlink.Remote<LabellingWorkerApi>; died: Promise<never>; kill(why: string): void } | undefined;

/** The worker, started on first use; one that crashes or is killed is dropped (the next call starts a new one). */
function labellingWorker(): NonNullable<typeof worker> {
  if (worker) return worker;
  const w = new Worker(new URL('../../workers/labelling.worker.ts', import.meta.url), { type: 'module', name: 'labelling' });
  let kill: (why: string) => void = () => undefined;
  const died = new Promise<never>((_, reject) => {
    kill = (why) => {
      if (worker?.w === w) worker = undefined;
      w.terminate();
      reject(new Error(why));
    };
    w.addEventListener('error', (e) => kill(`the labelling worker stopped${e.message ? ` (${e.message})` : ''}`));
  });
  died.catch(() => undefined);
  const remote = Comlink.wrap<LabellingWorkerApi>(w);
  worker = { w, remote, died, kill };
  const claim = pageClaimFlag();
  if (claim) void remote.usePageClaim(claim).catch(() => undefined);
  watchLifeLock((name) => remote.holdLock(name), died, () => kill('the labelling worker ended (it was closed, or crashed)'));
  return worker;
}

/** A worker call that fails (rather than hangs) if the worker dies meanwhile. */
async function call<T>(f: (remote: Comlink.Remote<LabellingWorkerApi>) => Promise<T>): Promise<T> {
  const { remote, died } = labellingWorker();
  return Promise.race([f(remote), died]);
}

const progress = (what: WorkerActivity['what']) =>
  Comlink.proxy((stage: string, done: number, total: number) => labellingActions.activity({ what, stage, done, total }));

let saving: Promise<void> = Promise.resolve();

/** Saves the session after the saves before it; a failure (a full disk quota) is said, the state is kept on the page. */
function persist(s: LabellingSession): Promise<void> {
  labellingActions.saved('saving');
  const mine = (saving = saving.then(async () => {
    await saveSession(s);
    if (saving === mine) labellingActions.saved('saved');
  }).catch(async (error: unknown) => {
    labellingActions.saved('failed');
    labellingActions.say(`Could not save the session: ${await describeQuotaError(error)}. Your answers stay on this page; export the session file to keep them.`, 'error');
  }));
  return mine;
}

/** The open session's state now (it changes while a round trains). */
const current = (): LabellingSession | null => useLabelling.getState().session;

function commit(s: LabellingSession, cursor?: number): Promise<void> {
  labellingActions.update(s, cursor);
  return persist(s);
}

export async function refreshSessions(): Promise<void> {
  try {
    labellingActions.setSessions(await listSessions());
  } catch (error) {
    labellingActions.say(`Saved sessions are unavailable (IndexedDB): ${errorText(error)}`, 'error');
  }
}

let imported: UnlabelledImages | undefined;

/** Decodes the files in the worker; the result waits as a draft for its classes and settings. */
export async function importForLabelling(files: readonly File[], options: { classesText: string; labelsCsv?: File | null }): Promise<void> {
  if (files.length === 0) return;
  labellingActions.clearMessage();
  let classes: string[] | undefined;
  try {
    classes = options.classesText.trim() === '' ? undefined : parseClassNames(options.classesText);
  } catch (error) {
    labellingActions.say(errorText(error), 'error');
    return;
  }
  labellingActions.activity({ what: 'import', stage: 'reading', done: 0, total: files.length });
  try {
    const inputs: ImportFile[] = await Promise.all(files.map(async (f) => ({ name: f.webkitRelativePath || f.name, bytes: new Uint8Array(await f.arrayBuffer()) })));
    const knownLabels = options.labelsCsv ? await options.labelsCsv.text() : undefined;
    const out = await call((r) => r.importImages(Comlink.transfer(inputs, inputs.map((f) => f.bytes.buffer as ArrayBuffer)), {
      size: DEFAULT_SIZE, ...(classes ? { classes } : {}), ...(knownLabels !== undefined ? { knownLabels } : {}),
    }, progress('import')));
    imported = out;
    const name = files.length === 1 ? files[0]!.name : (files[0]!.webkitRelativePath.split('/')[0] || `${files.length} files`);
    labellingActions.setDraft({
      name, count: out.count, size: out.size, channels: out.channels, classes: out.classes,
      known: out.known.filter((l) => l >= 0).length, skipped: out.skipped, csvProblems: out.csvProblems,
    });
    if (out.count === 0) labellingActions.say('No image could be imported: see the skipped files.', 'error');
  } catch (error) {
    labellingActions.say(`Could not import: ${errorText(error)}`, 'error');
  } finally {
    labellingActions.activity(null);
  }
}

export function discardDraft(): void {
  imported = undefined;
  labellingActions.setDraft(null);
}

/** The settings a new session starts with: the lab's training defaults, a pruned ResNet-20 selector. */
export function defaultLabellingSettings(images: number, classes: number): SessionSettings {
  const c = defaultConfig();
  return {
    model: 'resnet20', ratio: 0.5, metric: 'lc', epochs: 10, batch: 32, lr: c.lr, lrSchedule: c.lrSchedule, momentum: c.momentum, wd: c.wd,
    augment: c.augment, seed: c.seed, batchSize: defaultBatchSize(images, classes), holdoutShare: 0.2, size: DEFAULT_SIZE, lambda: c.lambda, T: c.T,
  };
}

const newId = () => `s-${crypto.randomUUID()}`;

/** Starts a session on the draft: saved with its images, then the first (random) batch. */
export async function startLabelling(name: string, classes: string[], settings: SessionSettings): Promise<void> {
  if (!imported) return;
  const images = imported;
  try {
    void requestPersistentStorage();
    const estimate = await storageEstimate();
    if (estimate && estimate.quota > 0 && estimate.free < images.pixels.byteLength * 1.2) {
      labellingActions.say(quotaMessage(estimate, images.pixels.byteLength), 'error');
      return;
    }
    let s = newSession(newId(), name, settings, classes, images.names, images.channels, images.known);
    s = queueBatch(s, 0, RANDOM, randomBatch({ roles: s.roles, round: 0 }, settings));
    const stored = { id: s.id, count: images.count, size: images.size, channels: images.channels, pixels: images.pixels };
    await createSession(s, stored);
    imported = undefined;
    await claimSession(s.id);
    labellingActions.open(s, stored);
    await refreshSessions();
  } catch (error) {
    labellingActions.say(`Could not start the session: ${await describeQuotaError(error, images.pixels.byteLength)}`, 'error');
  }
}

/** A saved session's name for messages ("The session fashion.zip"), or its id. */
const sessionName = (id: string): string => `The session ${useLabelling.getState().sessions.find((s) => s.id === id)?.name ?? id}`;

/** Opens a saved session where the person stopped; a round that had not delivered runs again. */
export async function openSession(id: string): Promise<void> {
  if (!(await claimSession(id))) {
    labellingActions.say(`${sessionName(id)} is open in another tab of this browser: continue there, or close it there and resume it here.`, 'error');
    return;
  }
  try {
    const [s, images] = await Promise.all([loadSession(id), loadImages(id)]);
    if (!s || !images) {
      releaseSession(id);
      labellingActions.say(`The session ${id} is not in this browser (deleted in another tab?)`, 'error');
      await refreshSessions();
      return;
    }
    const before = current()?.id;
    if (before !== undefined && before !== id) releaseSession(before);
    labellingActions.open(s, images);
    if (s.pending !== null) void runRound();
  } catch (error) {
    labellingActions.say(`Could not open the session: ${errorText(error)}`, 'error');
  }
}

export function closeSession(): void {
  void call((r) => r.forget()).catch(() => undefined);
  const id = current()?.id;
  if (id !== undefined) releaseSession(id);
  labellingActions.close();
  void refreshSessions();
}

export async function removeSession(id: string): Promise<void> {
  if (current()?.id === id) closeSession();
  if (!(await claimSession(id))) {
    labellingActions.say(`${sessionName(id)} is open in another tab of this browser: close it there before deleting it.`, 'error');
    return;
  }
  try {
    await deleteSession(id);
    labellingActions.say('Session deleted.');
  } catch (error) {
    labellingActions.say(`Could not delete the session: ${errorText(error)}`, 'error');
  } finally {
    releaseSession(id);
  }
  await refreshSessions();
}

const labelsNow = (s: LabellingSession, round: number, randomTrain?: number[]): LabelsNow => ({
  session: s.id, classes: s.classes.length, labels: Int32Array.from(s.labels), roles: [...s.roles], round, settings: s.settings,
  ...(randomTrain ? { randomTrain } : {}),
});

/** The random labels, when the baseline has not been estimated on this many of them yet. */
function newRandomLabels(s: LabellingSession): number[] | undefined {
  const random = randomTrainingLabels(s);
  return s.estimates.some((e) => e.labels === 'random' && e.trainedOn === random.length) ? undefined : random;
}

/** A round's estimates: the selector's, and the baseline's (the selector's own when every training label was random). */
function roundEstimates(s: LabellingSession, outcome: RoundOutcome): Array<Omit<Estimate, 'round'>> {
  const out: Array<Omit<Estimate, 'round'>> = [];
  if (outcome.estimate) out.push({ ...outcome.estimate, labels: 'chosen' });
  if (outcome.baseline) out.push({ ...outcome.baseline, labels: 'random' });
  else if (outcome.estimate && randomTrainingLabels(s).length === outcome.estimate.trainedOn) out.push({ ...outcome.estimate, labels: 'random' });
  return out;
}

/** The answer for the image under the cursor (a class or SKIPPED); a full batch starts the next round. */
export async function answerImage(label: number): Promise<void> {
  const s = current();
  if (!s?.batch) return;
  const k = useLabelling.getState().cursor;
  let next: LabellingSession;
  try {
    next = answer(s, k, label);
  } catch (error) {
    labellingActions.say(errorText(error), 'error');
    return;
  }
  const full = next.batch!.answers.every((a) => a !== UNKNOWN_LABEL);
  if (full && next.pending === null) {
    await commit(next, k);
    await closeAndTrain();
    return;
  }
  await commit(next, nextOpen(next, k + 1));
}

/** Backspace: takes back the last answer before the cursor (or at it) and moves there. */
export async function undoAnswer(): Promise<void> {
  const s = current();
  if (!s?.batch) return;
  const { cursor } = useLabelling.getState();
  const answered = (i: number) => s.batch!.answers[i] !== UNKNOWN_LABEL;
  let k = answered(cursor) ? cursor : cursor - 1;
  while (k >= 0 && !answered(k)) k -= 1;
  if (k < 0) return;
  await commit(unanswer(s, k), k);
}

/** Closes the batch, queues random images to label meanwhile, and trains the selector (also: "next batch" after Finish). */
export async function closeAndTrain(): Promise<void> {
  const s = current();
  if (!s || s.pending !== null) return;
  let next = startRound(s);
  next = queueBatch(next, next.answered.length, RANDOM, randomBatch({ roles: next.roles, round: next.answered.length }, next.settings));
  await commit(next, 0);
  await runRound();
}

let rounds = 0;

/** Trains the selector for the pending round and makes its queue the batch (also Retry, after an error or a crashed worker). */
export async function runRound(): Promise<void> {
  const s = current();
  if (!s || s.pending === null) return;
  const round = s.pending;
  const ticket = ++rounds;
  labellingActions.activity({ what: 'round', stage: 'starting the selector', done: 0, total: 1 });
  try {
    void call((r) => r.backend()).then((b) => labellingActions.backend(`${b.name}: ${b.reason}`)).catch(() => undefined);
    const outcome: RoundOutcome = await call((r) => r.round(labelsNow(s, round, newRandomLabels(s)), progress('round')));
    const now = current();
    if (!now || now.id !== s.id || ticket !== rounds) return;
    await saveModel(s.id, 'selector', { spec: outcome.selector.spec, weights: outcome.selector.weights, kept: outcome.selector.kept });
    const next = finishRound(now, round, s.settings.metric, roundEstimates(s, outcome), outcome.queue);
    await commit(next, nextOpen(next, 0));
    if (next.batch && next.batch.queue.length === 0) labellingActions.say('Every image is labelled or skipped. Finish to train the dense model.');
  } catch (error) {
    if (current()?.id === s.id) labellingActions.say(`The selector's round stopped: ${errorText(error)}. Your labels are kept; Retry runs the round again.`, 'error');
  } finally {
    if (ticket === rounds) labellingActions.activity(null);
  }
}

/**
 * Finish: the answered part of the batch is kept, the selector retrains on every label (if it has not
 * yet), and its weights are fused into the dense model, which trains with distillation. Both models are saved.
 */
export async function finishLabelling(): Promise<void> {
  const s0 = current();
  if (!s0 || s0.pending !== null) return;
  let s = closeBatch(s0);
  if (!s.roles.includes('train')) {
    labellingActions.say('Label at least one image (not held out) first.', 'error');
    return;
  }
  await commit(s, 0);
  const round = s.answered.length;
  try {
    labellingActions.activity({ what: 'finish', stage: 'training the selector on every label', done: 0, total: 1 });
    const now = labelsNow(s, round);
    const outcome = await call((r) => r.round(now, progress('finish')));
    await saveModel(s.id, 'selector', { spec: outcome.selector.spec, weights: outcome.selector.weights, kept: outcome.selector.kept });
    const final: FinalModel = await call((r) => r.finish(now, outcome.selector, progress('finish')));
    await saveModel(s.id, 'final', { spec: final.spec, weights: final.weights });
    s = current()?.id === s.id ? current()! : s;
    const estimates = [...s.estimates, ...roundEstimates(s, outcome).map((e) => ({ round, ...e }))];
    await commit({ ...s, estimates, final: { estimate: final.estimate, at: new Date().toISOString() } }, 0);
    labellingActions.say(final.estimate
      ? `The fused model is trained: ${(final.estimate.accuracy * 100).toFixed(1)}% on ${final.estimate.holdout} held-out labels.`
      : 'The fused model is trained (no held-out labels, so no estimate).');
  } catch (error) {
    labellingActions.say(`Finishing stopped: ${errorText(error)}. Your labels are kept.`, 'error');
  } finally {
    labellingActions.activity(null);
  }
}

/** How long Stop waits for the worker to stop at its next step before ending it. */
const STOP_GRACE_MS = 5000;

/** Stops the worker's round or finish at its next step; a worker that does not stop in time is ended. */
export function cancelWork(): void {
  const w = worker;
  if (!w) return;
  void w.remote.cancel().catch(() => undefined);
  setTimeout(() => {
    if (worker === w && useLabelling.getState().activity) w.kill(`it did not stop within ${STOP_GRACE_MS / 1000} s, so it was ended`);
  }, STOP_GRACE_MS);
}

/** Makes the labelling worker end without an error (for tests of liveness); false without a worker. */
export async function breakLabellingWorker(): Promise<boolean> {
  if (!worker) return false;
  await Promise.race([worker.remote.closeSilently(), worker.died]).catch(() => undefined);
  return true;
}
