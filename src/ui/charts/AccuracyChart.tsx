/** (2) Test accuracy against the labelled fraction, one line per method, with the numbers beside it. */
import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useLab } from '../../store/labStore.ts';
import { matchesDataset } from '../config/DatasetField.tsx';
import { useMethods } from './useMethods.ts';
import { pct } from '../format.ts';
import { ChartCard, SeriesLegend } from './ChartCard.tsx';
import { colourOf } from './colors.ts';
import { byFraction, finalAccuracy, seriesKey } from './data.ts';
import { chanceLevel, fractionLabel, pctTick, pctValue } from './format.ts';
import { LinePlot, type LinePlotProps } from './LinePlot.tsx';

export function AccuracyChart() {
  const { fractions, rounds, classes } = useLab(useShallow((s) => ({ fractions: s.metrics.fractions, rounds: s.metrics.rounds, classes: s.metrics.results?.dataset.classes ?? s.datasets.list.find((d) => matchesDataset(d, (s.run.config ?? s.config).dataset))?.classes ?? null })));
  const methods = useMethods();
  const series = useMemo(() => methods.map((m, i) => ({ key: seriesKey(i), name: m, colour: colourOf(m, methods) })), [methods]);
  const data = useMemo(() => byFraction(fractions, methods, rounds, finalAccuracy), [fractions, methods, rounds]);
  const reference = useMemo(() => chanceLevel(classes), [classes]);
  const plot = useMemo<LinePlotProps>(() => ({ rows: data.rows, series, x: { key: 'fraction', format: fractionLabel }, y: { format: pctTick, width: 40, bounds: [0, 1] }, value: pctValue, reference }), [data, series, reference]);
  return (
    <ChartCard id="chart.accuracy" title="Test accuracy vs labelled fraction" hint="accuracy of each method's final model after every round" points={data.points} wide>
      <div className="chart-with-table">
        <div>
          <LinePlot plot={plot} />
          <SeriesLegend items={series} />
        </div>
        <table className="numbers" data-testid="results.table">
          <thead>
            <tr>
              <th>method</th>
              {fractions.map((f) => (
                <th key={f}>{pct(f)}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {methods.map((m) => (
              <tr key={m}>
                <th style={{ color: colourOf(m, methods) }}>{m}</th>
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
    </ChartCard>
  );
}
