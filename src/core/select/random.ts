import type { RandomStrategy } from './strategy.ts';

/** Uniformly random: the first k of a seeded permutation. */
export const random: RandomStrategy = {
  id: 'random',
  label: 'Random',
  kind: 'random',
  pick: (candidates, k, rng) => rng.permutation(candidates).slice(0, k),
};
