/** (3) Cumulative selection cost per method: FLOPs (from the model specs) and measured wall time. */
import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { RoundResult } from '../../core/experiment/events.ts';
import { useLab } from '../../store/labStore.ts';
import { useMethods } from './useMethods.ts';
import { flops, seconds } from '../format.ts';
import { ChartCard, SeriesLegend } from './ChartCard.tsx';
import { colourOf, dashOf } from './colors.ts';
import { byFraction, seriesKey } from './data.ts';
import { FRACTION_AXIS } from './format.ts';
import { LinePlot, type AxisSpec, type LinePlotProps } from './LinePlot.tsx';

interface CostSpec {
  id: string;
  title: string;
  hint: string;
  value: (r: RoundResult) => number;
  format: (v: number) => string;
  y: AxisSpec;
}

function CostChart({ spec }: { spec: CostSpec }) {
  const { fractions, rounds } = useLab(useShallow((s) => ({ fractions: s.metrics.fractions, rounds: s.metrics.rounds })));
  const methods = useMethods();
  const series = useMemo(() => methods.map((m, i) => ({ key: seriesKey(i), name: m, colour: colourOf(m, methods), dash: dashOf(m, methods) })), [methods]);
  const data = useMemo(() => byFraction(fractions, methods, rounds, spec.value), [fractions, methods, rounds, spec]);
  const plot = useMemo<LinePlotProps>(() => ({ rows: data.rows, series, x: FRACTION_AXIS, y: spec.y, value: spec.format }), [data, series, spec]);
  return (
    <ChartCard id={spec.id} title={spec.title} hint={spec.hint} points={data.points}>
      <LinePlot plot={plot} />
      <SeriesLegend items={series} />
    </ChartCard>
  );
}

const FLOPS: CostSpec = {
  id: 'chart.costFlops', title: 'Selection cost: FLOPs', hint: 'cumulative: selector training, scoring the pool, ranking',
  value: (r) => r.cumulativeSelectionFlops, format: flops, y: { unit: 'flops', title: 'FLOPs, cumulative', bounds: [0, Infinity] },
};
const TIME: CostSpec = {
  id: 'chart.costTime', title: 'Selection cost: wall time', hint: 'cumulative measured seconds of the same work',
  value: (r) => r.cumulativeSelectionSeconds, format: (v) => seconds(v), y: { unit: 'number', title: 'seconds, cumulative', bounds: [0, Infinity] },
};

export function CostCharts() {
  return (
    <>
      <CostChart spec={FLOPS} />
      <CostChart spec={TIME} />
    </>
  );
}
