/**
 * Repeats of one experiment under several seeds, summarised per method and labelled fraction: mean,
 * sample standard deviation, min and max of the final model's test accuracy. Pure.
 */
import { finalAccuracy, type RunResults } from './events.ts';

export interface Spread {
  n: number;
  mean: number;
  /** Sample standard deviation (n - 1); 0 for a single value. */
  sd: number;
  min: number;
  max: number;
}

export function spread(values: readonly number[]): Spread {
  const n = values.length;
  const mean = values.reduce((a, b) => a + b, 0) / n;
  const sd = n > 1 ? Math.sqrt(values.reduce((a, v) => a + (v - mean) ** 2, 0) / (n - 1)) : 0;
  return { n, mean, sd, min: Math.min(...values), max: Math.max(...values) };
}

export interface MethodSpread {
  method: string;
  /** By round; undefined where no repeat has finished that round. */
  rounds: Array<Spread | undefined>;
}

export function aggregateRepeats(runs: readonly RunResults[]): { fractions: number[]; methods: MethodSpread[] } {
  const fractions = runs[0]?.fractions ?? [];
  const names = runs[0]?.methods.map((m) => m.method) ?? [];
  const methods = names.map((method) => ({
    method,
    rounds: fractions.map((_, round) => {
      const values = runs.flatMap((r) => {
        const x = r.methods.find((m) => m.method === method)?.rounds.find((y) => y.round === round);
        return x ? [finalAccuracy(x)] : [];
      });
      return values.length > 0 ? spread(values) : undefined;
    }),
  }));
  return { fractions, methods };
}
