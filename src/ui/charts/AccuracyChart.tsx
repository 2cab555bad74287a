/** (2) Test accuracy against the labelled fraction, one line per method, with the numbers beside it. */
import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useLab } from '../../store/labStore.ts';
import { matchesDataset } from '../../store/datasetMatch.ts';
import { useMethods } from './useMethods.ts';
import { pct } from '../format.ts';
import { ChartCard, SeriesLegend } from './ChartCard.tsx';
import { colourOf, dashOf, textColourOf } from './colors.ts';
import { byFraction, finalAccuracy, seriesKey } from './data.ts';
import { ACCURACY_AXIS, chanceLevel, FRACTION_AXIS, pctValue } from './format.ts';
import { LinePlot, type LinePlotProps } from './LinePlot.tsx';

export function AccuracyChart() {
  const { fractions, rounds, classes } = useLab(useShallow((s) => ({ fractions: s.metrics.fractions, rounds: s.metrics.rounds, classes: s.metrics.results?.dataset.classes ?? s.datasets.list.find((d) => matchesDataset(d, (s.run.config ?? s.config).dataset))?.classes ?? null })));
  const methods = useMethods();
  const series = useMemo(() => methods.map((m, i) => ({ key: seriesKey(i), name: m, colour: colourOf(m, methods), dash: dashOf(m, methods) })), [methods]);
  const data = useMemo(() => byFraction(fractions, methods, rounds, finalAccuracy), [fractions, methods, rounds]);
  const reference = useMemo(() => chanceLevel(classes), [classes]);
  const plot = useMemo<LinePlotProps>(() => ({ rows: data.rows, series, x: FRACTION_AXIS, y: ACCURACY_AXIS, value: pctValue, reference, table: false }), [data, series, reference]);
  return (
    <ChartCard id="chart.accuracy" title="Test accuracy vs labelled fraction" hint="accuracy of each method's final model after every round" points={data.points} wide>
      <div className="chart-with-table">
        <div>
          <LinePlot plot={plot} />
          <SeriesLegend items={series} />
        </div>
        <div className="table-scroll">
        <table className="numbers" data-testid="results.table">
          <caption>Test accuracy by labelled fraction</caption>
          <thead>
            <tr>
              <th scope="col">method</th>
              {fractions.map((f) => (
                <th key={f} scope="col">{pct(f)}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {methods.map((m) => (
              <tr key={m}>
                <th scope="row" style={{ color: textColourOf(m, methods) }}>{m}</th>
                {fractions.map((f, round) => {
                  const r = rounds[m]?.find((x) => x.round === round);
                  return (
                    <td key={f} data-testid={`results.cell.${m}.${round}`}>
                      {r ? pct(finalAccuracy(r)) : '–'}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
        </div>
      </div>
    </ChartCard>
  );
}
