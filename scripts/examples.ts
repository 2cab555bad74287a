/**
 * The example gallery's catalogue: what scripts/record-examples.ts records. Sizes are what a few hours on a
 * 2-core machine allow, one wasm thread each. Order: cheapest first, so a partial recording has the quick ones.
 */
export interface ExampleDefinition {
  id: string;
  title: string;
  lesson: string;
  /** Lab URL queries; several make a comparison. */
  links: string[];
}

const QUICK = 'dataset=fashion-mnist-subset&model=resnet8&pool=1000&test=500&epochs=8&batch=16&lr=0.05&budget=0.3&augment=false';
const CIFAR = 'dataset=cifar10-subset&model=resnet20&pool=2000&test=1000&epochs=10&budget=0.3';

export const EXAMPLES: ExampleDefinition[] = [
  {
    id: 'quick-demo',
    title: 'Quick demo: PruneFuse vs active learning on Fashion-MNIST',
    lesson: 'A pruned ResNet-8 (a quarter of the cost) picks images as well as the dense one, and fusion starts the target ahead.',
    links: [`${QUICK}&methods=al,prunefuse&seed=0`],
  },
  {
    id: 'cifar10-baselines',
    title: 'PruneFuse vs active learning vs SVP on CIFAR-10',
    lesson: 'At 30% labelled (1,500 of 5,000 images): SVP 47.2%, PruneFuse 44.4%, active learning 42.8%, and PruneFuse\'s selection cost a quarter of AL\'s FLOPs (3.2 T vs 12.5 T). One seed, 15 epochs: the order changes from round to round (at 20% PruneFuse led with 49.8%), so read it as "as good, for a quarter of the selection cost", not as a ranking.',
    links: ['dataset=cifar10-subset&model=resnet20&pool=5000&test=1000&epochs=15&budget=0.3&methods=al,prunefuse,svp&ratio=0.5&seed=0'],
  },
  {
    id: 'fusion-ablation',
    title: 'Fusion and distillation, taken apart',
    lesson: 'Same selected images, three ways to train the target: fused + KD (PruneFuse), fused without KD, from scratch (no fusion); the per-round training curves show where each starts and ends.',
    links: [`${CIFAR}&methods=prunefuse,prunefuse-nokd,prunefuse-nofuse&ratio=0.5&seed=0`],
  },
  {
    id: 'selection-metrics',
    title: 'Selection metrics compared',
    lesson: 'Least confidence, entropy, k-centers and random, each choosing with the same pruned network. With a few hundred labels none clearly beats random: active selection needs a larger labelled set to pay off (the cold-start problem).',
    links: ['lc', 'entropy', 'kcenter', 'random'].map((metric) => `${QUICK}&methods=prunefuse&metric=${metric}&seed=0`),
  },
  {
    id: 'pruning-ratio-sweep',
    title: 'Pruning ratio sweep: p = 0.3, 0.5, 0.7, 0.8',
    lesson: 'Selection gets cheaper as p grows (its FLOPs fall about as (1-p)^2); the smaller selectors are weaker on their own, yet the fused targets they train end close together.',
    links: [`${CIFAR}&methods=al,prunefuse&ratio=0.3,0.5,0.7,0.8&seed=0`],
  },
  {
    id: 'fashion-mnist',
    title: 'Fashion-MNIST, ResNet-20, the whole embedded pool',
    lesson: 'A trade-off, not a free lunch: here dense active learning ends about 5 points ahead, while PruneFuse spends a quarter of its selection FLOPs.',
    links: ['dataset=fashion-mnist-subset&model=resnet20&pool=5000&test=1000&epochs=10&budget=0.3&methods=al,prunefuse&ratio=0.5&seed=0'],
  },
];

export function exampleFile(example: ExampleDefinition, i: number): string {
  return example.links.length === 1 ? `${example.id}.json` : `${example.id}-${i + 1}.json`;
}
