/** The config panel's groups, labels and help texts. Every RunConfig key appears in exactly one group. */
import type { ConfigKey } from '../../core/config/runConfig.ts';

export const GROUPS = [
  { id: 'data', title: 'Data', keys: ['dataset', 'pool', 'test'] },
  { id: 'model', title: 'Model and pruning', keys: ['model', 'ratio', 'scope', 'criterion'] },
  { id: 'selection', title: 'Selection', keys: ['metric', 'budget', 'schedule'] },
  { id: 'training', title: 'Training', keys: ['epochs', 'batch', 'lr', 'momentum', 'wd', 'lrSchedule', 'augment'] },
  { id: 'kd', title: 'Knowledge distillation', keys: ['lambda', 'T'] },
  { id: 'methods', title: 'Methods', keys: ['methods', 'proxy'] },
  { id: 'repro', title: 'Reproducibility', keys: ['seed', 'seeds', 'backend'] },
] as const satisfies ReadonlyArray<{ id: string; title: string; keys: readonly ConfigKey[] }>;

type Grouped = (typeof GROUPS)[number]['keys'][number];
/** Fails to compile when a RunConfig key has no group. */
export const EVERY_KEY_GROUPED: [Exclude<ConfigKey, Grouped>] extends [never] ? true : false = true;

export const FIELD_TEXT: Record<ConfigKey, { label: string; help: string }> = {
  dataset: { label: 'Dataset', help: 'embedded subsets, or a dataset you imported into this browser' },
  pool: { label: 'Pool size', help: 'cap on the unlabelled pool (0 = the whole training split)' },
  test: { label: 'Test size', help: 'cap on the test set (0 = all)' },
  model: { label: 'Target model', help: 'the dense network trained on the selected data' },
  ratio: { label: 'Pruning ratio p', help: 'fraction of channels removed from the selector; several ratios run one PruneFuse track each' },
  scope: { label: 'Pruning scope', help: 'uniform: p in every layer; global: one threshold over all layers' },
  criterion: { label: 'Channel criterion', help: 'how channels are ranked for pruning' },
  metric: { label: 'Selection metric', help: 'lc = least confidence, entropy, margin, kcenter (coreset), random' },
  budget: { label: 'Label budget', help: 'final labelled fraction of the pool' },
  schedule: { label: 'Label schedule', help: 'initial random fraction, then increments (the last repeats until the budget)' },
  epochs: { label: 'Epochs', help: 'per training of every network, every round' },
  batch: { label: 'Batch size', help: 'images per SGD step' },
  lr: { label: 'Learning rate', help: 'initial rate of Nesterov momentum SGD' },
  momentum: { label: 'Momentum', help: 'SGD momentum' },
  wd: { label: 'Weight decay', help: 'L2 penalty' },
  lrSchedule: { label: 'LR schedule', help: 'cosine or step decay over the whole training' },
  augment: { label: 'Augmentation', help: 'random crop and horizontal flip' },
  lambda: { label: 'λ (CE weight)', help: 'loss = λ·CE + (1-λ)·KD when a fused target learns from the selector' },
  T: { label: 'Temperature T', help: 'softmax temperature of the distillation loss' },
  methods: { label: 'Methods', help: 'al: dense selector; prunefuse (+ ablations without KD or fusion); svp: small proxy' },
  proxy: { label: 'SVP proxy', help: 'auto: resnet8 for resnet20 and shallower, else resnet20' },
  seed: { label: 'Seed', help: 'every random draw (split, init, shuffles, selection) follows from it' },
  seeds: { label: 'Repeat with seeds', help: 'e.g. 0,1,2: one run per seed (replacing Seed), then mean and spread over them' },
  backend: { label: 'Backend', help: 'auto: WebGPU on a real GPU, else wasm (trainable kernels), else cpu' },
};
