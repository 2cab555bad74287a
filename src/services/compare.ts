/** Comparing saved runs: picking them in the history and loading their results for the overlay charts. */
import { loadRun } from '../storage/runHistory.ts';
import { labActions, useLab } from '../store/labStore.ts';

export async function toggleCompare(id: string): Promise<void> {
  const { compare } = useLab.getState().history;
  const next = compare.includes(id) ? compare.filter((x) => x !== id) : [...compare, id];
  labActions().setHistory({ compare: next });
  const runs = await Promise.all(next.map((x) => loadRun(x).catch(() => undefined)));
  // The pick may have changed while loading; keep only what is still picked, in pick order.
  if (useLab.getState().history.compare.join() !== next.join()) return;
  labActions().setComparison(runs.flatMap((r) => (r?.results ? [{ id: r.id, name: r.name, results: r.results }] : [])));
}
