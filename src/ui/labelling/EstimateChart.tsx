/**
 * The honest estimate: the selector's accuracy on the held-out labels (a random share of every batch,
 * never trained on) against the number of training labels it had; the fused model's as a last point; and,
 * where the session has random batches to compare with, the selector trained on the randomly picked labels
 * only (the random-selection baseline).
 */
import { useMemo } from 'react';
import type { Estimate } from '../../core/labelling/session.ts';
import { ChartCard } from '../charts/ChartCard.tsx';
import { PALETTE_COLOURS } from '../charts/colors.ts';
import { LinePlot, type LinePlotProps } from '../charts/LinePlot.tsx';
import type { Row } from '../charts/data.ts';
import { pct } from '../format.ts';

export function EstimateChart({ estimates, final }: { estimates: readonly Estimate[]; final: Omit<Estimate, 'round' | 'labels'> | null }) {
  const plot = useMemo((): LinePlotProps => {
    const rows: Row[] = [];
    const add = (x: number, key: string, v: number) => {
      const row = rows.find((r) => r.x === x);
      if (row) row[key] = v;
      else rows.push({ x, [key]: v });
    };
    for (const e of estimates) add(e.trainedOn, e.labels === 'random' ? 's1' : 's0', e.accuracy);
    if (final) add(final.trainedOn, 's2', final.accuracy);
    rows.sort((a, b) => a.x! - b.x!);
    return {
      rows,
      series: [
        { key: 's0', name: 'pruned selector (labels it chose)', colour: PALETTE_COLOURS[0]!.line },
        { key: 's1', name: 'pruned selector, random labels only', colour: PALETTE_COLOURS[1]!.line, dash: '4 3' },
        { key: 's2', name: 'fused dense model (Finish)', colour: PALETTE_COLOURS[2]!.line },
      ],
      x: { key: 'x', title: 'training labels', unit: 'number' },
      y: { title: 'estimated accuracy (%)', unit: 'percent', bounds: [0, 1] },
      value: (v) => pct(v),
    };
  }, [estimates, final]);
  const points = estimates.length + (final ? 1 : 0);
  return (
    <ChartCard id="label-estimate" title="Estimated accuracy" hint="On the held-out labels (a random share of every batch, never trained on). Higher with fewer labels means the selector chose well." points={points} empty="after the first round">
      <LinePlot plot={plot} />
    </ChartCard>
  );
}
