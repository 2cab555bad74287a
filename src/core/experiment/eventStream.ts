/**
 * The experiment as an async stream of typed events: `for await (const e of experimentEvents(...))`.
 * The engine runs ahead of the consumer (events queue up); the generator's return value is the results.
 */
import type { RunConfig } from '../config/runConfig.ts';
import type { Dataset } from '../data/types.ts';
import type { RunEvent, RunResults } from './events.ts';
import { runExperiment, type ExperimentHost } from './runExperiment.ts';

export async function* experimentEvents(config: RunConfig, dataset: Dataset, host: Omit<ExperimentHost, 'emit'>): AsyncGenerator<RunEvent, RunResults> {
  const queue: RunEvent[] = [];
  let wake: (() => void) | null = null;
  let outcome: { results: RunResults } | { error: unknown } | null = null;
  const notify = () => wake?.();
  void runExperiment(config, dataset, { ...host, emit: (e) => (queue.push(e), notify()) }).then(
    (results) => ((outcome = { results }), notify()),
    (error: unknown) => ((outcome = { error }), notify()),
  );
  for (;;) {
    while (queue.length > 0) yield queue.shift()!;
    if (outcome) break;
    await new Promise<void>((resolve) => (wake = resolve));
    wake = null;
  }
  const end = outcome as { results: RunResults } | { error: unknown };
  if ('error' in end) throw end.error;
  return end.results;
}
