/** (5) Selector accuracy against target accuracy per budget, for methods whose target is a separate network. */
import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useLab } from '../../store/labStore.ts';
import { useMethodPlans, useMethods } from './useMethods.ts';
import { ChartCard, SeriesLegend } from './ChartCard.tsx';
import { colourOf } from './colors.ts';
import { byFraction, type Row } from './data.ts';
import { ACCURACY_AXIS, FRACTION_AXIS, pctValue } from './format.ts';
import { LinePlot, type LinePlotProps, type SeriesSpec } from './LinePlot.tsx';

const NOTHING = { rows: [] as Row[], points: 0 };

export function SelectorTargetChart() {
  const { fractions, rounds } = useLab(useShallow((s) => ({ fractions: s.metrics.fractions, rounds: s.metrics.rounds })));
  const all = useMethods();
  const plans = useMethodPlans();
  const methods = useMemo(() => plans.filter((p) => p.start !== null).map((p) => p.method), [plans]);
  const series = useMemo<SeriesSpec[]>(
    () => methods.flatMap((m, i) => [
      { key: `sel${i}`, name: `${m} selector`, colour: colourOf(m, all), dash: '5 3' },
      { key: `tgt${i}`, name: `${m} target`, colour: colourOf(m, all) },
    ]),
    [methods, all],
  );
  const data = useMemo(() => {
    const selector = byFraction(fractions, methods, rounds, (r) => r.selectorAccuracy);
    const target = byFraction(fractions, methods, rounds, (r) => r.targetAccuracy);
    const rows = selector.rows.map((s) => {
      const t = target.rows.find((r) => r.fraction === s.fraction) ?? {};
      const row: Row = { fraction: s.fraction };
      methods.forEach((_, i) => {
        row[`sel${i}`] = s[`s${i}`];
        row[`tgt${i}`] = t[`s${i}`];
      });
      return row;
    });
    return selector.points + target.points === 0 ? NOTHING : { rows, points: selector.points + target.points };
  }, [fractions, methods, rounds]);
  const plot = useMemo<LinePlotProps>(() => ({ rows: data.rows, series, x: FRACTION_AXIS, y: ACCURACY_AXIS, value: pctValue }), [data, series]);
  return (
    <ChartCard id="chart.selectorTarget" title="Selector vs target accuracy" hint="dashed: the network that selects; solid: the target trained on its choice" points={data.points}>
      <LinePlot plot={plot} />
      <SeriesLegend items={series} />
    </ChartCard>
  );
}
