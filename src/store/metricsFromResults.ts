/**
 * The charts' metrics from a results object (a saved run, an imported file, shared results): the same
 * shape the event reducer builds live, so every chart and table works on recorded runs too.
 */
import type { RunResults } from '../core/experiment/events.ts';
import { labelCounts } from '../core/experiment/labelSchedule.ts';
import type { Metrics } from './types.ts';

export function metricsFromResults(results: RunResults): Metrics {
  return {
    methods: results.methods.map(({ rounds: _r, curves: _c, ...meta }) => meta),
    fractions: results.fractions,
    counts: labelCounts(results.fractions, results.dataset.poolSize),
    poolSize: results.dataset.poolSize,
    testSize: results.dataset.testSize,
    rounds: Object.fromEntries(results.methods.map((m) => [m.method, m.rounds])),
    curves: results.methods.flatMap((m) => m.curves).sort((a, b) => a.round - b.round),
    live: null,
    results,
  };
}
