/**
 * The PruneFuse experiment: for every selector track, the active-learning loop over the labelling
 * schedule. Each round trains the selector from its initial weights on the labelled set, trains the
 * track's targets (fused + KD, fused, or from scratch), and lets the selector choose the next images.
 * All tracks share the pool, the test set, the initial random labelled set and the seeds.
 *
 * Never throws for a cancelled or failed run: it emits 'run-stopped' and returns the results so far,
 * marked incomplete. Every tensor it creates is disposed, whatever happens.
 */
import { validateConfig, type RunConfig } from '../config/runConfig.ts';
import { now } from '../clock.ts';
import type { Dataset } from '../data/types.ts';
import { fuse } from '../fuse/fuse.ts';
import { fusionSnapshot } from '../fuse/snapshot.ts';
import { featureWidth, type ResNetSpec } from '../models/spec.ts';
import type { Weights } from '../models/weights.ts';
import { rng, type Rng } from '../rng.ts';
import { strategyOf } from '../select/index.ts';
import { selectFromPool } from '../select/select.ts';
import { createNetwork, disposeNetwork, readNetwork, type Network } from '../train/network.ts';
import { CancelledError, evaluate } from '../train/predict.ts';
import { train, type TrainOptions } from '../train/trainer.ts';
import { addFlops, forwardFlops, rankingFlops, trainingFlops, type Flops } from './cost.ts';
import { finalAccuracy, RESULTS_FORMAT, type MethodMeta, type MethodResult, type Role, type RunEvent, type RunResults, type TrackRecord, type TrainingCurve } from './events.ts';
import { prepareExperimentData, type ExperimentData } from './experimentData.ts';
import { labelCounts, labelFractions } from './labelSchedule.ts';
import { datasetOracle, learnLabels, type Oracle } from './oracle.ts';
import { info, planRun, type Plan, type Track } from './plan.ts';
import { restoreResults, resumeProblem, type RestoredTrack } from './resume.ts';

export interface ExperimentHost {
  /** The tfjs backend in use, for the results. */
  backend: string;
  emit(event: RunEvent): void;
  cancelled(): boolean;
  /** Lets the host's event loop run (worker messages, signals) during long training. */
  yieldNow?(): Promise<void>;
  /** Receives each method's final model (after the last round), for hosts that export it. */
  finalModel?(model: FinalModel): void;
  /** The oracle asked for the labels of the images the run labels; default: the dataset's labels (the simulation). */
  label?: Oracle;
}

export interface FinalModel {
  method: string;
  spec: ResNetSpec;
  weights: Weights;
  /** Its test accuracy, as the results report it. */
  accuracy: number;
}

const STEP_EVENT_MS = 100;
/** Training curves measure test accuracy after each epoch on this many test images; the last epoch uses all. */
export const CURVE_EVAL_IMAGES = 500;

interface Context {
  config: RunConfig;
  /** Seconds of the run so far, with those of the run it resumes. */
  elapsed(): number;
  data: ExperimentData;
  plan: Plan;
  root: Rng;
  counts: number[];
  fractions: number[];
  initial: number[];
  host: ExperimentHost;
  /** Learns the labels of pool positions from the host's oracle. */
  learn(positions: readonly number[]): Promise<void>;
  results: Map<string, MethodResult>;
  tracks: Map<string, TrackRecord>;
  /** The run's results so far (methods and tracks above are parts of it). */
  run: RunResults;
}

function trainOptions(ctx: Context, role: Role, round: number, track: string, method?: string): TrainOptions {
  const { config, host } = ctx;
  let lastStepEvent = -Infinity;
  const tag = { track, role, round, ...(method ? { method } : {}) };
  return {
    epochs: config.epochs, batchSize: config.batch, lr: config.lr, lrSchedule: config.lrSchedule,
    momentum: config.momentum, weightDecay: config.wd, augment: config.augment,
    rng: ctx.root.fork(`train/${role}/${round}`),
    curveEvalLimit: CURVE_EVAL_IMAGES,
    cancelled: () => host.cancelled(),
    ...(host.yieldNow ? { yieldNow: () => host.yieldNow!() } : {}),
    onEpoch: (metrics) => host.emit({ type: 'epoch', ...tag, epochs: config.epochs, metrics }),
    onStep: (step, totalSteps) => {
      const t = now();
      if (t - lastStepEvent < STEP_EVENT_MS && step < totalSteps) return;
      lastStepEvent = t;
      host.emit({ type: 'step', ...tag, step, totalSteps });
    },
  };
}

async function runRound(ctx: Context, track: Track, round: number, labeled: number[], selector: Network, cumulative: { flops: Flops; seconds: number }): Promise<number[]> {
  const { config, data, plan, host } = ctx;
  const last = round === ctx.counts.length - 1;
  const isAl = track.targets.some((t) => t.start === null);
  const t0 = now();
  const selectorRun = await train(selector, data.source, labeled, { ...trainOptions(ctx, 'selector', round, track.id), ...(isAl ? { evalIndices: data.test } : {}) });
  const selectorCurve = selectorRun.curve;
  const trainSeconds = (now() - t0) / 1000 - selectorRun.evaluationSeconds;
  const selectorAccuracy = isAl ? selectorCurve.at(-1)!.testAccuracy! : await evaluate(selector, data.source, data.test, () => host.cancelled());
  const fraction = ctx.fractions[round]!;

  const outcomes = new Map<string, { accuracy: number; flops: Flops; seconds: number; confusion?: number[] }>();
  let selectorWeights: Awaited<ReturnType<typeof readNetwork>> | undefined;
  for (const t of track.targets) {
    let curveEpochs = selectorCurve;
    let confusion = selectorRun.confusion;
    let outcome: { accuracy: number; flops: Flops; seconds: number; confusion?: number[] } = { accuracy: selectorAccuracy, flops: 0 as Flops, seconds: 0 };
    if (t.start !== null) {
      const ts = now();
      let evaluationSeconds = 0;
      if (t.start === 'fused') selectorWeights ??= await readNetwork(selector);
      const init = t.start === 'fused' ? fuse(plan.dense, plan.denseInit, selectorWeights!, track.kept!) : plan.denseInit;
      const record = ctx.tracks.get(track.id)!;
      if (t.start === 'fused' && last && !record.fusion) record.fusion = fusionSnapshot(plan.dense, init, round);
      const target = createNetwork(plan.dense, init);
      try {
        const kd = t.kd ? { kd: { teacher: selector, lambda: config.lambda, temperature: config.T } } : {};
        const run = await train(target, data.source, labeled, { ...trainOptions(ctx, 'target', round, track.id, t.method), ...kd, evalIndices: data.test });
        curveEpochs = run.curve;
        confusion = run.confusion;
        evaluationSeconds = run.evaluationSeconds;
        if (last && host.finalModel) host.finalModel({ method: t.method, spec: plan.dense, weights: await readNetwork(target), accuracy: curveEpochs.at(-1)!.testAccuracy! });
      } finally {
        disposeNetwork(target);
      }
      const teacherFlops = t.kd ? forwardFlops(track.spec, labeled.length * config.epochs) : (0 as Flops);
      outcome = { accuracy: curveEpochs.at(-1)!.testAccuracy!, flops: addFlops(trainingFlops(plan.dense, labeled.length, config.epochs), teacherFlops), seconds: (now() - ts) / 1000 - evaluationSeconds };
    }
    if (t.start === null && last && host.finalModel) host.finalModel({ method: t.method, spec: track.spec, weights: await readNetwork(selector), accuracy: selectorAccuracy });
    if (confusion) outcome.confusion = confusion;
    const curve: TrainingCurve = { method: t.method, round, labeled: labeled.length, fraction, start: t.start ?? 'scratch', kd: t.kd, epochs: curveEpochs };
    ctx.results.get(t.method)!.curves.push(curve);
    host.emit({ type: 'target-finished', method: t.method, round, accuracy: outcome.accuracy, curve });
    outcomes.set(t.method, outcome);
  }

  let next = labeled;
  let selectionFlops = trainingFlops(track.spec, labeled.length, config.epochs);
  const seconds = { train: trainSeconds, inference: 0, ranking: 0 };
  if (!last) {
    const inLabeled = new Set(labeled);
    const unlabeled = Array.from(data.pool).filter((i) => !inLabeled.has(i));
    const k = ctx.counts[round + 1]! - ctx.counts[round]!;
    const sel = await selectFromPool(strategyOf(config.metric), selector, data.source, labeled, unlabeled, k, ctx.root.fork(`select/${round}`), () => host.cancelled());
    selectionFlops = addFlops(selectionFlops, forwardFlops(track.spec, sel.inferred), rankingFlops(featureWidth(track.spec), sel.distanceEvaluations));
    Object.assign(seconds, sel.seconds);
    await ctx.learn(sel.chosen);
    next = [...labeled, ...sel.chosen];
    const selection = { round, images: sel.chosen.map((i) => data.poolDatasetIndex[i]!), scores: sel.scores };
    ctx.tracks.get(track.id)!.selections.push(selection);
    host.emit({ type: 'selection-done', track: track.id, round, selected: sel.chosen.length, seconds, flops: selectionFlops, selection });
  }
  cumulative.flops = addFlops(cumulative.flops, selectionFlops);
  cumulative.seconds += seconds.train + seconds.inference + seconds.ranking;
  for (const t of track.targets) {
    const o = outcomes.get(t.method)!;
    const result = {
      round, labeled: labeled.length, fraction, selectorAccuracy, targetAccuracy: o.accuracy,
      selectionFlops, cumulativeSelectionFlops: cumulative.flops, targetFlops: o.flops,
      seconds: { ...seconds }, cumulativeSelectionSeconds: cumulative.seconds, targetSeconds: o.seconds,
      ...(o.confusion ? { confusion: o.confusion } : {}),
    };
    ctx.results.get(t.method)!.rounds.push(result);
    host.emit({ type: 'round-finished', method: t.method, result });
  }
  // The time so far, in every checkpoint: a run killed after it and resumed counts its finished rounds' time.
  ctx.run.seconds = ctx.elapsed();
  host.emit({ type: 'checkpoint', results: ctx.run });
  return next;
}

/** Runs a track's rounds from `from.rounds` on, after the rounds (and selections) restored from a previous run. */
async function runTrack(ctx: Context, track: Track, from: RestoredTrack): Promise<void> {
  const position = new Map(Array.from(ctx.data.poolDatasetIndex, (d, p) => [d, p]));
  let labeled = [...ctx.initial, ...from.selections.flatMap((s) => s.images.map((d) => position.get(d)!))];
  await ctx.learn(labeled);
  const done = ctx.results.get(track.targets[0]!.method)!.rounds.at(-1);
  const cumulative = { flops: (done?.cumulativeSelectionFlops ?? 0) as Flops, seconds: done?.cumulativeSelectionSeconds ?? 0 };
  for (let round = from.rounds; round < ctx.counts.length; round++) {
    // A turn for the host's event loop at every round, however short its training: a signal or a
    // cancel message gets in even when no epoch has enough steps to yield.
    await ctx.host.yieldNow?.();
    if (ctx.host.cancelled()) throw new CancelledError();
    ctx.host.emit({ type: 'round-started', track: track.id, methods: track.targets.map((t) => t.method), round, labeled: labeled.length, fraction: ctx.fractions[round]! });
    const selector = createNetwork(track.spec, track.init);
    try {
      labeled = await runRound(ctx, track, round, labeled, selector, cumulative);
    } finally {
      disposeNetwork(selector);
    }
  }
}

/** Reports restored rounds as if they had just finished, so a host's view of the run is whole. */
function replay(results: RunResults, emit: (e: RunEvent) => void): void {
  for (const m of results.methods) {
    for (const result of m.rounds) {
      const curve = m.curves.find((c) => c.round === result.round);
      if (curve) emit({ type: 'target-finished', method: m.method, round: result.round, accuracy: finalAccuracy(result), curve });
      emit({ type: 'round-finished', method: m.method, result });
    }
  }
}

/**
 * Runs the experiment; with `previous` (the results of an unfinished run of the same config, dataset and
 * backend) it continues after each track's last finished round. A mismatched `previous` throws a
 * RangeError saying which field differs.
 */
export async function runExperiment(config: RunConfig, dataset: Dataset, host: ExperimentHost, previous?: RunResults): Promise<RunResults> {
  const problems = validateConfig(config);
  if (problems.length > 0) throw new RangeError(`invalid config: ${problems.map((p) => `${p.key} ${p.why}`).join('; ')}`);
  const t0 = now();
  const root = rng(config.seed);
  const data = prepareExperimentData(dataset, { pool: config.pool, test: config.test }, root);
  const fractions = labelFractions(config.schedule, config.budget);
  const counts = labelCounts(fractions, data.pool.length);
  const plan = planRun(config, data.inputShape, data.numClasses);
  const metas: MethodMeta[] = plan.tracks.flatMap((t) => t.targets.map((tg) => ({ ...tg, selector: info(t.spec, t.ratio), target: info(plan.dense) })));
  const methods: MethodResult[] = metas.map((m) => ({ ...m, rounds: [], curves: [] }));
  const tracks: TrackRecord[] = plan.tracks.map((t) => ({ id: t.id, selector: info(t.spec, t.ratio), ...(t.pruning ? { pruning: t.pruning } : {}), selections: [] }));
  const initial = Array.from(root.fork('split/initial').permutation(data.pool.length).subarray(0, counts[0]!));
  const results: RunResults = {
    format: RESULTS_FORMAT, config, backend: host.backend, complete: false, fractions,
    initial: initial.map((p) => data.poolDatasetIndex[p]!), methods, tracks, startedAt: new Date().toISOString(), seconds: 0,
    dataset: { id: dataset.id, name: dataset.name, poolSize: data.pool.length, testSize: data.test.length, classes: data.numClasses },
  };
  let restored = new Map<string, RestoredTrack>();
  if (previous) {
    const why = resumeProblem(previous, results);
    if (why) throw new RangeError(`cannot resume: ${why}`);
    results.startedAt = previous.startedAt;
    restored = restoreResults(previous, results);
  }
  const before = previous?.seconds ?? 0;
  const ctx: Context = {
    config, data, plan, root, counts, fractions, initial, host,
    learn: (positions) => learnLabels(host.label ?? datasetOracle(dataset), positions, data.poolDatasetIndex, data.source.labels, data.numClasses),
    results: new Map(methods.map((m) => [m.method, m])), tracks: new Map(tracks.map((t) => [t.id, t])), run: results,
    elapsed: () => before + (now() - t0) / 1000,
  };
  host.emit({ type: 'run-started', methods: metas, fractions, counts, poolSize: data.pool.length, testSize: data.test.length });
  replay(results, (e) => host.emit(e));
  try {
    for (const track of plan.tracks) await runTrack(ctx, track, restored.get(track.id) ?? { rounds: 0, selections: [] });
    results.complete = true;
  } catch (error) {
    const cancelled = error instanceof CancelledError || host.cancelled();
    results.stopped = cancelled ? 'cancelled' : error instanceof Error ? error.message : String(error);
    results.seconds = ctx.elapsed();
    host.emit({ type: 'run-stopped', reason: results.stopped, cancelled, results });
    return results;
  }
  results.seconds = ctx.elapsed();
  host.emit({ type: 'run-finished', results });
  return results;
}
