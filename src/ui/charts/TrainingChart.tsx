/** (1) The network training now: loss and accuracy per epoch, updated as each epoch ends. */
import { useMemo } from 'react';
import { useLab } from '../../store/labStore.ts';
import type { Row } from './data.ts';
import { ChartCard, SeriesLegend } from './ChartCard.tsx';
import { LinePlot, type LinePlotProps, type SeriesSpec } from './LinePlot.tsx';
import { pctValue } from './format.ts';

const plain = (v: number) => v.toFixed(3);
/** Loss dashed, train accuracy dotted, test accuracy solid: told apart without their colours. */
const SERIES: SeriesSpec[] = [
  { key: 'loss', name: 'loss', colour: '#d62728', dash: '6 3', axis: 'left', format: plain },
  { key: 'trainAccuracy', name: 'train accuracy', colour: '#1f77b4', dash: '2 2', axis: 'right' },
  { key: 'testAccuracy', name: 'test accuracy', colour: '#2ca02c', axis: 'right' },
];
const X = { key: 'epoch', title: 'epoch' } as const;
const Y = { unit: 'number', title: 'loss', bounds: [0, Infinity] } as const satisfies { unit: 'number'; title: string; bounds: [number, number] };
const Y2 = { domain: [0, 1] as [number, number], unit: 'percent', title: 'accuracy (%)' } as const;

export function TrainingChart() {
  const live = useLab((s) => s.metrics.live);
  const recorded = useLab((s) => s.run.origin !== 'live');
  const plot = useMemo<LinePlotProps>(
    () => ({ rows: (live?.points ?? []) as unknown as Row[], series: SERIES, x: { ...X, domain: [1, Math.max(2, live?.epochs ?? 1)] }, y: Y, y2: Y2, value: pctValue }),
    [live],
  );
  return (
    <ChartCard id="chart.training" title="Current training" hint={live ? `${live.label}: loss (left) and accuracy (right) per epoch` : 'loss and accuracy per epoch of the network being trained'} points={live?.points.length ?? 0} empty={recorded ? 'shown while a run trains (results on screen are recorded)' : 'no data yet'}>
      <LinePlot plot={plot} />
      <SeriesLegend items={SERIES} />
    </ChartCard>
  );
}
