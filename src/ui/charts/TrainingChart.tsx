/** (1) The network training now: loss and accuracy per epoch, updated as each epoch ends. */
import { useMemo } from 'react';
import { useLab } from '../../store/labStore.ts';
import type { Row } from './data.ts';
import { ChartCard, SeriesLegend } from './ChartCard.tsx';
import { LinePlot, type LinePlotProps, type SeriesSpec } from './LinePlot.tsx';
import { pctTick } from './format.ts';

const SERIES: SeriesSpec[] = [
  { key: 'loss', name: 'loss', colour: '#d62728', axis: 'left' },
  { key: 'trainAccuracy', name: 'train accuracy', colour: '#1f77b4', axis: 'right' },
  { key: 'testAccuracy', name: 'test accuracy', colour: '#2ca02c', axis: 'right' },
];
const Y2 = { domain: [0, 1] as [number, number], format: pctTick };
const plain = (v: number) => v.toFixed(3);

export function TrainingChart() {
  const live = useLab((s) => s.metrics.live);
  const plot = useMemo<LinePlotProps>(
    () => ({ rows: (live?.points ?? []) as unknown as Row[], series: SERIES, x: { key: 'epoch', domain: [1, Math.max(2, live?.epochs ?? 1)] }, y: { width: 40 }, y2: Y2, value: plain }),
    [live],
  );
  return (
    <ChartCard id="chart.training" title="Current training" hint={live ? `${live.label}: loss (left) and accuracy (right) per epoch` : 'loss and accuracy per epoch of the network being trained'} points={live?.points.length ?? 0}>
      <LinePlot plot={plot} />
      <SeriesLegend items={SERIES} />
    </ChartCard>
  );
}
