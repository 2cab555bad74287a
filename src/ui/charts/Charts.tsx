/** The run's charts, in the order a reader asks the questions. */
import { AccuracyChart } from './AccuracyChart.tsx';
import { ChartWarmup } from './ChartWarmup.tsx';
import { CostCharts } from './CostCharts.tsx';
import { CurvesChart } from './CurvesChart.tsx';
import { SelectorTargetChart } from './SelectorTargetChart.tsx';
import { TradeoffChart } from './TradeoffChart.tsx';
import { TrainingChart } from './TrainingChart.tsx';

export function Charts() {
  return (
    <div className="charts" data-testid="charts">
      <TrainingChart />
      <SelectorTargetChart />
      <AccuracyChart />
      <CostCharts />
      <TradeoffChart />
      <CurvesChart />
      <ChartWarmup />
    </div>
  );
}
