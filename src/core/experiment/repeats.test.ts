import { describe, expect, it } from 'vitest';
import type { RunResults } from './events.ts';
import { aggregateRepeats, spread } from './repeats.ts';

const run = (accs: number[]) => ({
  fractions: [0.1, 0.2],
  methods: [{ method: 'al', rounds: accs.map((a, round) => ({ round, selectorAccuracy: a })) }],
}) as unknown as RunResults;

describe('repeats', () => {
  it('gives mean, sample sd, min and max per method and round', () => {
    const s = spread([0.2, 0.4]);
    expect(s).toMatchObject({ n: 2, min: 0.2, max: 0.4 });
    expect(s.mean).toBeCloseTo(0.3, 12);
    expect(s.sd).toBeCloseTo(Math.sqrt(0.02), 12);
    const { methods } = aggregateRepeats([run([0.1, 0.3]), run([0.2, 0.5]), run([0.3])]);
    expect(methods[0]!.rounds[0]).toMatchObject({ n: 3, min: 0.1, max: 0.3 });
    expect(methods[0]!.rounds[0]!.mean).toBeCloseTo(0.2, 12);
    expect(methods[0]!.rounds[0]!.sd).toBeCloseTo(0.1, 12);
    expect(methods[0]!.rounds[1]).toMatchObject({ n: 2, min: 0.3, max: 0.5 });
    expect(methods[0]!.rounds[1]!.mean).toBeCloseTo(0.4, 12);
  });
});
