/**
 * RunConfig: every setting of an experiment. The same keys are the lab's URL query. Defaults finish a
 * useful run on the embedded CIFAR-10 subset in minutes on a laptop CPU.
 */
import { MODEL_IDS, type ModelId } from '../models/resnet.ts';
import { PRUNING_CRITERIA, type PruneScope, type PruningCriterion } from '../prune/prune.ts';
import { METRIC_IDS, type MetricId } from '../select/metricIds.ts';
import { labelFractions, minimumPool } from '../experiment/labelSchedule.ts';
import { LR_SCHEDULES, type LrSchedule } from '../train/lrSchedule.ts';
import { BACKEND_IDS, type BackendId } from './backend.ts';
import { fieldProblem, type Field } from './fields.ts';

export const METHOD_IDS = ['al', 'prunefuse', 'prunefuse-nokd', 'prunefuse-nofuse', 'svp'] as const;
export type MethodId = (typeof METHOD_IDS)[number];
export const PROXY_IDS = ['auto', ...MODEL_IDS] as const;
export const DEFAULT_DATASET = 'cifar10-subset';

export interface RunConfig {
  dataset: string;
  model: ModelId;
  /** Pruning ratios p; each runs the prunefuse methods once. */
  ratio: number[];
  scope: PruneScope;
  criterion: PruningCriterion;
  metric: MetricId;
  /** Final labelled fraction of the pool. */
  budget: number;
  /** Labelled-fraction increments: the first is the initial random set, the last repeats until the budget. */
  schedule: number[];
  methods: MethodId[];
  proxy: ModelId | 'auto';
  epochs: number;
  batch: number;
  lr: number;
  momentum: number;
  wd: number;
  lrSchedule: LrSchedule;
  augment: boolean;
  /** KD: weight of cross-entropy, and temperature. */
  lambda: number;
  T: number;
  seed: number;
  /** Repeats: when it lists seeds, the experiment runs once per seed (instead of once with `seed`). */
  seeds: number[];
  /** Cap on the pool and test set sizes; 0 = all. */
  pool: number;
  test: number;
  backend: BackendId;
}

const DEFAULTS: RunConfig = {
  dataset: DEFAULT_DATASET,
  model: 'resnet20',
  ratio: [0.5],
  scope: 'uniform',
  criterion: 'l2',
  metric: 'lc',
  budget: 0.3,
  schedule: [0.02, 0.08, 0.1],
  methods: ['al', 'prunefuse'],
  proxy: 'auto',
  epochs: 8,
  batch: 64,
  lr: 0.1,
  momentum: 0.9,
  wd: 5e-4,
  lrSchedule: 'cosine',
  augment: true,
  lambda: 0.5,
  T: 4,
  seed: 0,
  seeds: [],
  pool: 2000,
  test: 500,
  backend: 'auto',
};

/** A fresh copy of the defaults. */
export function defaultConfig(): RunConfig {
  return cloneConfig(DEFAULTS);
}

export function cloneConfig(c: RunConfig): RunConfig {
  return { ...c, ratio: [...c.ratio], schedule: [...c.schedule], methods: [...c.methods], seeds: [...c.seeds] };
}

export type ConfigKey = keyof RunConfig;

export const CONFIG_FIELDS: { readonly [K in ConfigKey]: Field } = {
  dataset: { kind: 'id', pattern: /^[a-z0-9][a-z0-9._-]{0,79}$/, example: 'cifar10-subset or fashion-mnist-3f2a9c1d' },
  model: { kind: 'enum', values: MODEL_IDS },
  ratio: { kind: 'numberList', min: 0, max: 1, maxExclusive: true, maxItems: 8, distinct: true },
  scope: { kind: 'enum', values: ['uniform', 'global'] },
  criterion: { kind: 'enum', values: PRUNING_CRITERIA },
  metric: { kind: 'enum', values: METRIC_IDS },
  budget: { kind: 'number', min: 0.1, max: 0.5 },
  schedule: { kind: 'numberList', min: 0, max: 0.5, minExclusive: true, maxItems: 10 },
  methods: { kind: 'enumList', values: METHOD_IDS },
  proxy: { kind: 'enum', values: PROXY_IDS },
  epochs: { kind: 'number', min: 1, max: 200, integer: true },
  batch: { kind: 'number', min: 1, max: 1024, integer: true },
  lr: { kind: 'number', min: 0, max: 10, minExclusive: true },
  momentum: { kind: 'number', min: 0, max: 1, maxExclusive: true },
  wd: { kind: 'number', min: 0, max: 0.1 },
  lrSchedule: { kind: 'enum', values: LR_SCHEDULES },
  augment: { kind: 'bool' },
  lambda: { kind: 'number', min: 0, max: 1 },
  T: { kind: 'number', min: 0, max: 100, minExclusive: true },
  seed: { kind: 'number', min: 0, max: 0xffffffff, integer: true },
  seeds: { kind: 'numberList', min: 0, max: 0xffffffff, integer: true, distinct: true, maxItems: 10, optional: true },
  pool: { kind: 'number', min: 0, max: 1_000_000, integer: true },
  test: { kind: 'number', min: 0, max: 1_000_000, integer: true },
  backend: { kind: 'enum', values: BACKEND_IDS },
};

export const CONFIG_KEYS = Object.keys(CONFIG_FIELDS) as ConfigKey[];

export interface ConfigProblem {
  key: ConfigKey;
  value: unknown;
  why: string;
}

/**
 * SVP's proxy: resnet8 for resnet20 and shallower nets (resnet8 is its own proxy, there being no smaller
 * one), resnet20 for deeper ones (the paper's pairs).
 */
export function proxyModel(config: Pick<RunConfig, 'model' | 'proxy'>): ModelId {
  if (config.proxy !== 'auto') return config.proxy;
  const depth = Number(config.model.slice('resnet'.length));
  return depth <= 20 ? 'resnet8' : 'resnet20';
}

/** Every problem with a config; never throws. An empty list means the config can run. */
export function validateConfig(config: RunConfig): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  for (const key of CONFIG_KEYS) {
    const why = fieldProblem(CONFIG_FIELDS[key], config[key]);
    if (why) problems.push({ key, value: config[key], why });
  }
  if (problems.length > 0) return problems;
  if (config.schedule[0]! > config.budget) {
    problems.push({ key: 'schedule', value: config.schedule, why: `the initial fraction ${config.schedule[0]} exceeds the budget ${config.budget}` });
    return problems;
  }
  const least = minimumPool(labelFractions(config.schedule, config.budget));
  if (config.pool > 0 && config.pool < least) {
    problems.push({ key: 'pool', value: config.pool, why: `too small for this schedule: the initial random set needs one image and every round a new one, so at least ${least} (or 0 for the whole training split)` });
  }
  return problems;
}

/** The configs of a run's repeats: one per listed seed (each with `seeds` cleared), or the config itself. */
export function repeatConfigs(config: RunConfig): RunConfig[] {
  return config.seeds.length === 0 ? [config] : config.seeds.map((seed) => ({ ...cloneConfig(config), seed, seeds: [] }));
}
