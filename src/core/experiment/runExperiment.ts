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
import { featureWidth } from '../models/spec.ts';
import { rng, type Rng } from '../rng.ts';
import { strategyOf } from '../select/index.ts';
import { selectFromPool } from '../select/select.ts';
import { createNetwork, disposeNetwork, readNetwork, type Network } from '../train/network.ts';
import { CancelledError, evaluate } from '../train/predict.ts';
import { train, type TrainOptions } from '../train/trainer.ts';
import { addFlops, forwardFlops, rankingFlops, trainingFlops, type Flops } from './cost.ts';
import type { MethodMeta, MethodResult, Role, RunEvent, RunResults, TrainingCurve } from './events.ts';
import { prepareExperimentData, type ExperimentData } from './experimentData.ts';
import { labelCounts, labelFractions } from './labelSchedule.ts';
import { info, planRun, type Plan, type Track } from './plan.ts';

export interface ExperimentHost {
  /** The tfjs backend in use, for the results. */
  backend: string;
  emit(event: RunEvent): void;
  cancelled(): boolean;
  /** Lets the host's event loop run (worker messages, signals) during long training. */
  yieldNow?(): Promise<void>;
}

const STEP_EVENT_MS = 100;
/** Training curves measure test accuracy after each epoch on this many test images; the last epoch uses all. */
export const CURVE_EVAL_IMAGES = 500;

interface Context {
  config: RunConfig;
  data: ExperimentData;
  plan: Plan;
  root: Rng;
  counts: number[];
  fractions: number[];
  initial: number[];
  host: ExperimentHost;
  results: Map<string, MethodResult>;
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

  const outcomes = new Map<string, { accuracy: number; flops: Flops; seconds: number }>();
  let selectorWeights: Awaited<ReturnType<typeof readNetwork>> | undefined;
  for (const t of track.targets) {
    let curveEpochs = selectorCurve;
    let outcome = { accuracy: selectorAccuracy, flops: 0 as Flops, seconds: 0 };
    if (t.start !== null) {
      const ts = now();
      let evaluationSeconds = 0;
      if (t.start === 'fused') selectorWeights ??= await readNetwork(selector);
      const init = t.start === 'fused' ? fuse(plan.dense, plan.denseInit, selectorWeights!, track.kept!) : plan.denseInit;
      const target = createNetwork(plan.dense, init);
      try {
        const kd = t.kd ? { kd: { teacher: selector, lambda: config.lambda, temperature: config.T } } : {};
        const run = await train(target, data.source, labeled, { ...trainOptions(ctx, 'target', round, track.id, t.method), ...kd, evalIndices: data.test });
        curveEpochs = run.curve;
        evaluationSeconds = run.evaluationSeconds;
      } finally {
        disposeNetwork(target);
      }
      const teacherFlops = t.kd ? forwardFlops(track.spec, labeled.length * config.epochs) : (0 as Flops);
      outcome = { accuracy: curveEpochs.at(-1)!.testAccuracy!, flops: addFlops(trainingFlops(plan.dense, labeled.length, config.epochs), teacherFlops), seconds: (now() - ts) / 1000 - evaluationSeconds };
    }
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
    next = [...labeled, ...sel.chosen];
    host.emit({ type: 'selection-done', track: track.id, round, selected: sel.chosen.length, seconds, flops: selectionFlops });
  }
  cumulative.flops = addFlops(cumulative.flops, selectionFlops);
  cumulative.seconds += seconds.train + seconds.inference + seconds.ranking;
  for (const t of track.targets) {
    const o = outcomes.get(t.method)!;
    const result = {
      round, labeled: labeled.length, fraction, selectorAccuracy, targetAccuracy: o.accuracy,
      selectionFlops, cumulativeSelectionFlops: cumulative.flops, targetFlops: o.flops,
      seconds: { ...seconds }, cumulativeSelectionSeconds: cumulative.seconds, targetSeconds: o.seconds,
    };
    ctx.results.get(t.method)!.rounds.push(result);
    host.emit({ type: 'round-finished', method: t.method, result });
  }
  return next;
}

async function runTrack(ctx: Context, track: Track): Promise<void> {
  let labeled = [...ctx.initial];
  const cumulative = { flops: 0 as Flops, seconds: 0 };
  for (let round = 0; round < ctx.counts.length; round++) {
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

export async function runExperiment(config: RunConfig, dataset: Dataset, host: ExperimentHost): Promise<RunResults> {
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
  const results: RunResults = {
    config, backend: host.backend, complete: false, fractions, methods, startedAt: new Date().toISOString(), seconds: 0,
    dataset: { id: dataset.id, name: dataset.name, poolSize: data.pool.length, testSize: data.test.length, classes: data.numClasses },
  };
  const initial = Array.from(root.fork('split/initial').permutation(data.pool.length).subarray(0, counts[0]!));
  const ctx: Context = { config, data, plan, root, counts, fractions, initial, host, results: new Map(methods.map((m) => [m.method, m])) };
  host.emit({ type: 'run-started', methods: metas, fractions, counts, poolSize: data.pool.length, testSize: data.test.length });
  try {
    for (const track of plan.tracks) await runTrack(ctx, track);
    results.complete = true;
  } catch (error) {
    const cancelled = error instanceof CancelledError || host.cancelled();
    results.stopped = cancelled ? 'cancelled' : error instanceof Error ? error.message : String(error);
    results.seconds = (now() - t0) / 1000;
    host.emit({ type: 'run-stopped', reason: results.stopped, cancelled, results });
    return results;
  }
  results.seconds = (now() - t0) / 1000;
  host.emit({ type: 'run-finished', results });
  return results;
}
