/** Shaping several saved runs into overlay series and a table of the settings that differ. Pure. */
import { settingValues } from '../../core/config/settingValues.ts';
import type { RoundResult } from '../../core/experiment/events.ts';
import type { ComparedRun } from '../../store/types.ts';
import { finalAccuracy, seriesKey, type Row } from '../charts/data.ts';

export interface OverlaySeries {
  key: string;
  /** 'run name: method'. */
  name: string;
  run: number;
  method: string;
}

export function overlaySeries(runs: readonly ComparedRun[]): OverlaySeries[] {
  let i = 0;
  return runs.flatMap((r, run) => r.results.methods.map((m) => ({ key: seriesKey(i++), name: `${r.name}: ${m.method}`, run, method: m.method })));
}

/** One row per labelled fraction of any run; each series holds value(round) where its run has that fraction. */
export function overlayRows(runs: readonly ComparedRun[], series: readonly OverlaySeries[], value: (r: RoundResult) => number): Row[] {
  const fractions = [...new Set(runs.flatMap((r) => r.results.fractions))].sort((a, b) => a - b);
  return fractions.map((fraction) => {
    const row: Row = { fraction };
    for (const s of series) {
      const results = runs[s.run]!.results;
      const round = results.fractions.indexOf(fraction);
      const r = results.methods.find((m) => m.method === s.method)?.rounds.find((x) => x.round === round);
      if (r) row[s.key] = value(r);
    }
    return row;
  });
}

export const accuracyOf = finalAccuracy;

/** The settings (and dataset and backend) on which the runs differ, one row each. */
export function differingSettings(runs: readonly ComparedRun[]): Array<{ key: string; values: string[] }> {
  const rows: Array<{ key: string; values: string[] }> = settingValues(runs.map((r) => r.results.config));
  rows.push({ key: 'backend (ran on)', values: runs.map((r) => r.results.backend) });
  rows.push({ key: 'dataset (pool / test)', values: runs.map((r) => `${r.results.dataset.name} (${r.results.dataset.poolSize} / ${r.results.dataset.testSize})`) });
  return rows.filter((row) => new Set(row.values).size > 1);
}
