/** The run's charts, in the order a reader asks the questions; a teacher's link may hide some (`hide=`). */
import type { ComponentType } from 'react';
import { useLab } from '../../store/labStore.ts';
import { ChanceNotice } from '../run/ChanceNotice.tsx';
import type { PanelId } from '../../url/panels.ts';
import { AccuracyChart } from './AccuracyChart.tsx';
import { ChartWarmup } from './ChartWarmup.tsx';
import { CostCharts } from './CostCharts.tsx';
import { CurvesChart } from './CurvesChart.tsx';
import { SelectorTargetChart } from './SelectorTargetChart.tsx';
import { TradeoffChart } from './TradeoffChart.tsx';
import { TrainingChart } from './TrainingChart.tsx';

const CHARTS: ReadonlyArray<[PanelId, ComponentType]> = [
  ['training', TrainingChart],
  ['selectorTarget', SelectorTargetChart],
  ['accuracy', AccuracyChart],
  ['cost', CostCharts],
  ['tradeoff', TradeoffChart],
  ['curves', CurvesChart],
];

export function Charts() {
  const hidden = useLab((s) => s.url.panels);
  return (
    <>
    <ChanceNotice />
    <div className="charts" data-testid="charts">
      {CHARTS.filter(([id]) => !hidden.includes(id)).map(([id, Chart]) => (
        <Chart key={id} />
      ))}
      <ChartWarmup />
    </div>
    </>
  );
}
