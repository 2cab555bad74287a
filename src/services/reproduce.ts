/**
 * Reproduce: reruns the settings of the results on screen (shared, imported or from the history) and,
 * when the rerun ends, reports the verdict against them (core/experiment/reproduction.ts).
 */
import { reproductionVerdict } from '../core/experiment/reproduction.ts';
import { labActions, useLab } from '../store/labStore.ts';
import { startRun } from './runController.ts';

export async function reproduce(): Promise<void> {
  const { metrics, run } = useLab.getState();
  const recorded = metrics.results;
  if (!recorded || run.origin === 'live') return;
  labActions().setReproduction({ recorded, title: run.title ?? 'recorded results', verdict: null });
  labActions().replaceConfig(recorded.config);
  await startRun(recorded.config);
}

/** Reports the verdict when the rerun finishes; returns the unsubscribe function. */
export function startReproductionWatch(): () => void {
  return useLab.subscribe((state, prev) => {
    const r = state.reproduction;
    if (!r || r.verdict || state.run.origin !== 'live' || state.run.status === prev.run.status) return;
    if (state.run.status === 'done' && state.metrics.results) labActions().setReproduction({ ...r, verdict: reproductionVerdict(r.recorded, state.metrics.results) });
    else if (state.run.status === 'failed' || state.run.status === 'cancelled') labActions().setReproduction(null);
  });
}
