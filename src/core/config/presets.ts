/**
 * Presets: settings for a first run, by how long a user can wait. Each is a lab URL query laid over the
 * defaults (the seed and a teacher's locked settings stay). The quick demo is sized to learn something real
 * in about a minute on a 2-core laptop: Fashion-MNIST learns fast, so its accuracies end far above chance
 * (e2e/teaching.spec.ts checks it).
 */
export interface Preset {
  id: string;
  title: string;
  /** What the user can expect, in words (the lab also shows an estimate measured on this machine). */
  expect: string;
  query: string;
}

export const PRESETS: readonly Preset[] = [
  {
    id: 'quick',
    title: 'Quick demo',
    expect: 'about 1 minute: ResNet-8 on 1,000 Fashion-MNIST images, PruneFuse vs active learning',
    query: 'dataset=fashion-mnist-subset&model=resnet8&pool=1000&test=500&epochs=8&batch=16&lr=0.05&budget=0.3&augment=false&methods=al,prunefuse',
  },
  {
    id: 'classroom',
    title: 'Classroom',
    expect: 'about 5 minutes: ResNet-20 on 2,000 Fashion-MNIST images, PruneFuse vs active learning vs SVP',
    query: 'dataset=fashion-mnist-subset&model=resnet20&pool=2000&test=500&epochs=6&batch=32&budget=0.3&augment=false&methods=al,prunefuse,svp',
  },
  {
    id: 'paper',
    title: 'Paper setup',
    expect: 'hours on a GPU, about two days on a 2-core CPU: ResNet-56 on the whole embedded CIFAR-10 subset, 181 epochs per round, budget 50%; better run with the command-line runner',
    query: 'dataset=cifar10-subset&model=resnet56&pool=0&test=0&epochs=181&batch=128&budget=0.5&methods=al,prunefuse,svp&ratio=0.5',
  },
];
